//! End-to-end test in headless Chromium, driven through WebDriver (chromedriver): search a
//! word, open an article, see a quote highlighted with its speaker's name, click the panel,
//! filter by place, and check that a hostile document runs nothing.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or `KRONIEK_CHROMEDRIVER` and
//! `KRONIEK_CHROMIUM` pointing at the programs); without them the test says so and passes.
//! `KRONIEK_SCREENSHOT=/tmp/article.png` saves a screenshot of the article page.

#[path = "../support/mod.rs"]
mod support;

use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{request, shared};

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The first existing program among the environment variable and the usual paths.
fn program(variable: &str, candidates: &[&str]) -> Option<PathBuf> {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .into_iter()
        .chain(candidates.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

#[test]
fn a_reader_searches_reads_and_filters() {
    let driver = program(
        "KRONIEK_CHROMEDRIVER",
        &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
    );
    let browser = program(
        "KRONIEK_CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    );
    let (Some(driver), Some(browser)) = (driver, browser) else {
        eprintln!(
            "SKIPPED browser test: chromium and chromedriver are not installed \
             (apt-get install chromium chromium-driver, or set KRONIEK_CHROMIUM and KRONIEK_CHROMEDRIVER)"
        );
        return;
    };
    let site = shared().server.addr();
    let profile = tempfile::tempdir().expect("profile dir");
    let mut webdriver = WebDriver::start(&driver, &browser, profile.path());
    webdriver.run(site);
}

/// A chromedriver process and one browser session.
struct WebDriver {
    process: Child,
    addr: SocketAddr,
    session: String,
}

impl Drop for WebDriver {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        if !self.session.is_empty() {
            let _ = request(self.addr, "DELETE", &path, &[], b"");
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl WebDriver {
    fn start(driver: &Path, browser: &Path, profile: &Path) -> WebDriver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let process = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut webdriver = WebDriver {
            process,
            addr,
            session: String::new(),
        };
        webdriver.wait_ready();
        let profile_arg = format!("--user-data-dir={}", profile.display());
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser.to_string_lossy(),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--window-size=1280,1000", profile_arg]
            }
        }}});
        let created = webdriver.call("POST", "/session", Some(capabilities));
        webdriver.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        webdriver
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(self.addr).is_ok() {
                let status = request(self.addr, "GET", "/status", &[], b"");
                if status.status == 200 && status.json()["value"]["ready"] == true {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not become ready");
    }

    /// A WebDriver command; returns its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let json = ("Content-Type", "application/json");
        let response = request(self.addr, method, path, &[json], body.as_bytes());
        let value = response.json()["value"].clone();
        assert!(
            response.status == 200,
            "{method} {path}: {} {value}",
            response.status
        );
        value
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn open(&self, url: String) {
        self.session("POST", "/url", Some(json!({"url": url})));
    }

    /// Elements matching a CSS selector, waiting up to 10 s for at least one.
    fn find_all(&self, css: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.session(
                "POST",
                "/elements",
                Some(json!({"using": "css selector", "value": css})),
            );
            let ids: Vec<String> = found
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
                .collect();
            if !ids.is_empty() || Instant::now() > deadline {
                return ids;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn find(&self, css: &str) -> String {
        self.find_all(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css}"))
    }

    fn text(&self, element: &str) -> String {
        self.session("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn attribute(&self, element: &str, name: &str) -> String {
        self.session("GET", &format!("/element/{element}/attribute/{name}"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn click(&self, element: &str) {
        self.session(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    fn type_into(&self, element: &str, text: &str) {
        self.session(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({"text": text})),
        );
    }

    fn current_url(&self) -> String {
        self.session("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits up to 10 s for the address to contain `part` (after a form is sent).
    fn wait_url(&self, part: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.current_url().contains(part) {
            assert!(
                Instant::now() < deadline,
                "never reached {part}: {}",
                self.current_url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether a JavaScript dialog is open (a script from a document would have opened one).
    fn alert_open(&self) -> bool {
        let path = format!("/session/{}/alert/text", self.session);
        request(self.addr, "GET", &path, &[], b"").status == 200
    }

    /// The reader's walk through the site.
    fn run(&mut self, site: SocketAddr) {
        // Search a word.
        self.open(format!("http://{site}/"));
        let words = self.find("form.filters input[name=q]");
        self.type_into(&words, "dijk");
        self.click(&self.find("form.filters button[type=submit]"));
        self.wait_url("q=dijk");
        let first = self.find("ol.results a.title");
        assert!(
            !self.current_url().contains("speaker="),
            "empty fields left in the url"
        );
        assert!(
            !self.find_all("ol.results mark").is_empty(),
            "no highlighted snippet"
        );

        // Open the article: a quote highlighted, labelled with its speaker.
        self.click(&first);
        self.wait_url("/doc/");
        let labels: Vec<String> = self
            .find_all(".text .who")
            .iter()
            .map(|e| self.text(e))
            .collect();
        assert!(
            labels.iter().any(|l| l == "Marieke Hoogland"),
            "speaker labels: {labels:?}"
        );
        let quote = self.find(".text span.q");
        assert!(self.attribute(&quote, "title").contains("Marieke Hoogland"));

        // Click the first quote in the panel: its words are flashed (the script ran).
        self.click(&self.find(".panel button[data-target=q0]"));
        assert!(
            !self.find_all(".text .flash").is_empty(),
            "panel click did not mark the words"
        );
        if let Some(path) = std::env::var_os("KRONIEK_SCREENSHOT") {
            let png = self.session("GET", "/screenshot", None);
            let bytes = base64(png.as_str().unwrap_or_default());
            std::fs::write(&path, bytes).expect("write screenshot");
            eprintln!("screenshot saved to {}", PathBuf::from(path).display());
        }

        // Filter by place.
        self.open(format!("http://{site}/"));
        self.type_into(&self.find("form.filters input[name=place]"), "Deventer");
        self.click(&self.find("form.filters button[type=submit]"));
        self.wait_url("place=Deventer");
        let titles: Vec<String> = self
            .find_all("ol.results a.title")
            .iter()
            .map(|e| self.text(e))
            .collect();
        assert!(
            !titles.is_empty() && titles.iter().all(|t| t.contains("fietsbrug")),
            "{titles:?}"
        );

        // A hostile document shows its markup as text and runs nothing.
        self.open(format!("http://{site}/?q=onerror"));
        self.click(&self.find("ol.results a.title"));
        self.wait_url("/doc/");
        let heading = self.text(&self.find("h1"));
        assert!(heading.contains("<script>alert(1)</script>"), "{heading}");
        assert!(self.find_all(".text img, .text script, h1 img").is_empty());
        assert!(!self.alert_open(), "a script from the document ran");
    }
}

/// Decodes standard base64 (the screenshot).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |n, &s| (n << 6) | u32::from(s)) << (6 * (4 - c.len()));
            let bytes = n.to_be_bytes();
            bytes[1..c.len()].to_vec()
        })
        .collect()
}
