//! The chart.

/// Renders a chart off the async threads (it takes a few milliseconds of CPU).
pub async fn chart(input: crate::chart::ChartInput) -> Result<Vec<u8>, String> {
    let input = crate::chart::ChartInput {
        title: crate::messages::CHART_TITLE.to_owned(),
        ..input
    };
    tokio::task::spawn_blocking(move || crate::chart::render(&input))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}
