//! Questions on their way to the model: threads of its own, one per core, run the encoder,
//! each taking every question waiting when it is free as one batch
//! ([`Embedder::embed_batch`]). A question that finds a thread idle runs at once (no timer,
//! no waiting for company); under load, the questions that arrived during a run go together
//! in the next, so each reads the weights once per run rather than once per question. With
//! one thread, the parts of a run that use one core (tokenising, attention, pooling) left
//! the other idle while questions waited.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock, mpsc};

use tokio::sync::oneshot;

use super::{Embedder, MAX_BATCH, ready};

/// A question and where its vector goes (`None`: matched by keywords only).
struct Request {
    text: String,
    reply: oneshot::Sender<Option<Vec<f32>>>,
}

static QUEUE: OnceLock<Option<mpsc::Sender<Request>>> = OnceLock::new();

/// The vector of a question when the model is ready; `None` (match by keywords) otherwise, or
/// when the model fails on this text (logged). The async workers keep serving other chats
/// while it is computed.
pub async fn embed_question(text: &str) -> Option<Vec<f32>> {
    let model = ready()?;
    let (reply, vector) = oneshot::channel();
    let request = Request {
        text: text.to_owned(),
        reply,
    };
    queue(model)?.send(request).ok()?;
    vector.await.ok().flatten()
}

/// At most this many threads run the model (each holds a run's working memory).
const MAX_THREADS: usize = 4;

/// The queue to the model's threads, started on first use.
fn queue(model: &'static Embedder) -> Option<&'static mpsc::Sender<Request>> {
    QUEUE
        .get_or_init(|| {
            let (sender, requests) = mpsc::channel();
            let requests = Arc::new(Mutex::new(requests));
            let threads = std::thread::available_parallelism()
                .map_or(1, usize::from)
                .clamp(1, MAX_THREADS);
            let mut started = 0;
            for _ in 0..threads {
                let requests = Arc::clone(&requests);
                let spawned = std::thread::Builder::new()
                    .name("embedding".to_owned())
                    .spawn(move || serve(model, &requests));
                match spawned {
                    Ok(_) => started += 1,
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot start a sentence-embedding thread")
                    }
                }
            }
            if started == 0 {
                tracing::warn!(
                    "no sentence-embedding thread; questions are matched by keywords only"
                );
                return None;
            }
            Some(sender)
        })
        .as_ref()
}

/// A thread of the model: waits for a question, takes the others already waiting (up to
/// [`MAX_BATCH`]), embeds them together and answers each. A failure answers the batch with
/// `None` (keywords only) and the thread goes on. The threads take turns at the queue: one
/// waits there while the others run.
fn serve(model: &Embedder, requests: &Mutex<mpsc::Receiver<Request>>) {
    while let Some(batch) = next_batch(requests) {
        let texts: Vec<&str> = batch.iter().map(|r| r.text.as_str()).collect();
        let vectors = match catch_unwind(AssertUnwindSafe(|| model.embed_batch(&texts))) {
            Ok(Ok(vectors)) => vectors.into_iter().map(Some).collect(),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "sentence embedding failed; matched by keywords only");
                vec![None; batch.len()]
            }
            Err(_) => {
                tracing::error!("sentence embedding panicked; matched by keywords only");
                vec![None; batch.len()]
            }
        };
        for (request, vector) in batch.into_iter().zip(vectors) {
            // The asker may have gone (its update was cancelled): nothing to answer.
            let _ = request.reply.send(vector);
        }
    }
}

/// The next batch: the first question to come and those already waiting behind it (up to
/// [`MAX_BATCH`]). `None` once the queue is gone.
fn next_batch(requests: &Mutex<mpsc::Receiver<Request>>) -> Option<Vec<Request>> {
    // The lock is held only here, never while the model runs; a poisoned one still
    // holds an intact receiver.
    let requests = requests.lock().unwrap_or_else(|p| p.into_inner());
    let mut batch = vec![requests.recv().ok()?];
    while batch.len() < MAX_BATCH {
        match requests.try_recv() {
            Ok(next) => batch.push(next),
            Err(_) => break,
        }
    }
    Some(batch)
}
