//! The chart.

/// Renders a chart off the async threads (it takes a few milliseconds of CPU).
use crate::domain::Lang;

pub async fn chart(lang: Lang, input: crate::chart::ChartInput) -> Result<Vec<u8>, String> {
    let input = crate::chart::ChartInput {
        title: crate::messages::chart_title(lang),
        ..input
    };
    tokio::task::spawn_blocking(move || crate::chart::render(&input))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}
