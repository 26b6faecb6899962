//! Questions on their way to the model: one thread of its own runs the encoder, taking every
//! question waiting when it is free as one batch ([`Embedder::embed_batch`]). A question that
//! finds the model idle runs at once (no timer, no waiting for company); under load, the
//! questions that arrived during a run go together in the next, so each reads the weights once
//! per run rather than once per question, and only one run holds working memory at a time.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{OnceLock, mpsc};

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

/// The queue to the model's thread, started on first use.
fn queue(model: &'static Embedder) -> Option<&'static mpsc::Sender<Request>> {
    QUEUE
        .get_or_init(|| {
            let (sender, requests) = mpsc::channel();
            let started = std::thread::Builder::new()
                .name("embedding".to_owned())
                .spawn(move || serve(model, &requests));
            match started {
                Ok(_) => Some(sender),
                Err(e) => {
                    tracing::warn!(error = %e, "cannot start the sentence-embedding thread; questions are matched by keywords only");
                    None
                }
            }
        })
        .as_ref()
}

/// The model's thread: waits for a question, takes the others already waiting (up to
/// [`MAX_BATCH`]), embeds them together and answers each. A failure answers the batch with
/// `None` (keywords only) and the thread goes on.
fn serve(model: &Embedder, requests: &mpsc::Receiver<Request>) {
    while let Ok(first) = requests.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match requests.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
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
