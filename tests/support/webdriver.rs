//! A headless Chromium for the board's browser tests, driven over W3C WebDriver by
//! chromedriver (Debian's `chromium` and `chromium-driver`) through `fantoccini`, over
//! plain HTTP to 127.0.0.1 (its TLS features stay off: no OpenSSL, and no second TLS
//! crypto provider in test builds).
//!
//! Without chromedriver or Chromium the browser tests say loudly that they were skipped
//! and why, and pass; with `MILKBOT_REQUIRE_BROWSER=1` (set by `.ci/run`) they fail
//! instead, so CI never skips them silently.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// Set to 1 to make a missing browser a failure instead of a skip.
pub const REQUIRE_ENV: &str = "MILKBOT_REQUIRE_BROWSER";

/// The phone the board is tested on: 360 × 740 CSS pixels, touch.
pub const WIDTH: u32 = 360;
pub const HEIGHT: u32 = 740;

pub struct Browser {
    client: Client,
    driver: tokio::process::Child,
}

/// chromedriver's browser console log (`POST /session/{id}/se/log`), which the W3C
/// protocol lacks and fantoccini therefore has no call for.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        (
            axum::http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// Where the browser tests leave their screenshots: `target/webapp-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("webapp-screenshots")
}

fn find_program(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env).map(PathBuf::from) {
        return path.is_file().then_some(path);
    }
    let path_dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    candidates.iter().find_map(|c| {
        let c = Path::new(c);
        if c.is_absolute() {
            c.is_file().then(|| c.to_path_buf())
        } else {
            path_dirs.iter().map(|d| d.join(c)).find(|p| p.is_file())
        }
    })
}

/// Writes `text` to the process's stderr past the test harness's capture (which takes
/// only `print!` and `eprint!`), so that it shows in a plain `cargo test` run.
pub fn loud(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

impl Browser {
    /// Starts chromedriver and a headless Chromium at 360 × 740. None (after saying why,
    /// loudly) when either is missing and `MILKBOT_REQUIRE_BROWSER` is not 1; panics
    /// when it is.
    pub async fn start(test: &str) -> Option<Browser> {
        let driver = find_program("MILKBOT_CHROMEDRIVER", &["chromedriver"]);
        // The binary itself: Debian's /usr/bin/chromium is a wrapper script.
        let chromium = find_program(
            "MILKBOT_CHROMIUM",
            &[
                "/usr/lib/chromium/chromium",
                "chromium",
                "chromium-browser",
                "google-chrome",
            ],
        );
        let (driver, chromium) = match (driver, chromium) {
            (Some(d), Some(c)) => (d, c),
            (d, c) => {
                let why = format!(
                    "{}{}",
                    if d.is_none() { "no chromedriver " } else { "" },
                    if c.is_none() { "no chromium " } else { "" }
                );
                let required = std::env::var(REQUIRE_ENV).is_ok_and(|v| v == "1");
                assert!(
                    !required,
                    "{test}: {why}found, and {REQUIRE_ENV}=1: install them \
                     (apt-get install -y chromium chromium-driver)"
                );
                loud(&format!(
                    "\n*** SKIPPED browser test {test}: {why}found on this machine. \
                     Install them with `apt-get install -y chromium chromium-driver` \
                     (.ci/run does, and sets {REQUIRE_ENV}=1). ***\n"
                ));
                return None;
            }
        };
        Some(Self::launch(&driver, &chromium).await)
    }

    async fn launch(driver: &Path, chromium: &Path) -> Browser {
        let port = super::board::free_port();
        let child = tokio::process::Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts");
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            let ready = http.get(format!("{base}/status")).send().await;
            if let Ok(r) = ready
                && let Ok(v) = r.json::<Value>().await
                && v["value"]["ready"] == true
            {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let capabilities = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-extensions", "--disable-background-networking",
                    "--disable-component-update", "--hide-scrollbars",
                    "--window-size=360,740",
                ],
                "mobileEmulation": {"deviceMetrics": {
                    "width": WIDTH, "height": HEIGHT, "pixelRatio": 1.0, "touch": true
                }},
            },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("an object literal")
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&base)
            .await
            .expect("chromedriver opens a session");
        Browser {
            client,
            driver: child,
        }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page is loaded");
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn execute(&self, script: &str, args: Value) -> Value {
        let args = match args {
            Value::Array(args) => args,
            other => vec![other],
        };
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Waits until `script` returns true (polling), up to `within`.
    pub async fn wait_until(&self, what: &str, script: &str, within: Duration) {
        let started = Instant::now();
        while self.execute(script, json!([])).await != Value::Bool(true) {
            assert!(started.elapsed() < within, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    async fn find(&self, locator: Locator<'_>) -> fantoccini::elements::Element {
        self.client
            .find(locator)
            .await
            .unwrap_or_else(|e| panic!("no element {locator:?}: {e}"))
    }

    /// Taps (clicks, with touch emulation on) the first element matching `css`.
    pub async fn tap(&self, css: &str) {
        let element = self.find(Locator::Css(css)).await;
        element.click().await.expect("the tap lands");
    }

    /// Taps the button whose text contains `label`.
    pub async fn tap_button(&self, label: &str) {
        let xpath = format!("//button[contains(normalize-space(.), '{label}')]");
        let element = self.find(Locator::XPath(&xpath)).await;
        element.click().await.expect("the tap lands");
    }

    /// The text of the first element matching `css`, as shown.
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(Locator::Css(css)).await;
        element.text().await.expect("the element's text")
    }

    /// Saves a PNG of the viewport as `name` under [`screenshot_dir`]; returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let bytes = self.client.screenshot().await.expect("a screenshot");
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG screenshot");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("the screenshot directory");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("the screenshot is written");
        path
    }

    /// The browser's console log since the last call (chromedriver's `browser` log):
    /// `(level, message)` per entry.
    pub async fn console(&self) -> Vec<(String, String)> {
        let log = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("chromedriver's browser log");
        log.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        (
                            e["level"].as_str().unwrap_or_default().to_owned(),
                            e["message"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Ends the session (closing the browser) and chromedriver.
    pub async fn quit(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill().await;
    }
}
