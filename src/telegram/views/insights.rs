//! The chart.

/// Renders a chart off the async threads (it takes a few milliseconds of CPU).
pub async fn chart(input: crate::chart::ChartInput) -> Result<Vec<u8>, String> {
    tokio::task::spawn_blocking(move || crate::chart::render(&input))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}
