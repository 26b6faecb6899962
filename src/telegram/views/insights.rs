//! The chart.

/// Renders a chart off the async threads (it takes a few milliseconds of CPU).
use crate::domain::Lang;

pub async fn chart(lang: Lang, input: crate::chart::ChartInput) -> Result<Vec<u8>, String> {
    let words = crate::messages::ChartWords(lang);
    tokio::task::spawn_blocking(move || crate::chart::render(&input, &words))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}
