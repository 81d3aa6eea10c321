"""A headless Chromium driven through chromedriver's WebDriver protocol
(plain HTTP and JSON, so the standard library is enough), for tests of
pages the tools write.  Debian's chromium and chromium-driver
(ci/install-deps.sh).

    with Browser(tmp_path) as browser:
        browser.open(path)
        browser.run("return document.title")
        browser.click("#sites th[data-key=kind]")
        browser.type("#filter", "malloc")
        browser.select("#verdict", "escapes")

Browser.available() says why it cannot run (None when it can)."""

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# No sandbox (tests may run as root), nothing fetched from the network,
# nothing kept: a fresh profile per browser.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-quic", "--no-first-run",
                 "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
START_TIMEOUT = 60


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriverError(Exception):
    pass


class Browser:
    def __init__(self, workdir):
        self.workdir = workdir
        self.driver = None
        self.session = None

    @staticmethod
    def available():
        for path in (CHROMIUM, CHROMEDRIVER):
            if not shutil.which(path):
                return "%s is missing (apt-get install chromium " \
                       "chromium-driver, or make deps)" % path
        return None

    def _request(self, method, path, body=None, timeout=120):
        if body is None and method == "POST":
            body = {}       # chromedriver wants a body on every POST
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            "http://127.0.0.1:%d%s" % (self.port, path), data=data,
            method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise WebDriverError("%s %s: %s" % (method, path,
                                                e.read().decode()[:2000]))

    def _session(self, method, path="", body=None):
        return self._request(method, "/session/%s%s" % (self.session, path),
                             body)

    def __enter__(self):
        self.port = _free_port()
        self.log = open(self.workdir / "chromedriver.log", "w")
        self.driver = subprocess.Popen(
            [CHROMEDRIVER, "--port=%d" % self.port],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                self._request("GET", "/status", timeout=5)
                break
            except (OSError, WebDriverError):
                if time.monotonic() > deadline or self.driver.poll() is not None:
                    self.__exit__(None, None, None)
                    raise WebDriverError("chromedriver did not start")
                time.sleep(0.2)
        profile = self.workdir / "chromium-profile"
        profile.mkdir()
        options = {"binary": CHROMIUM,
                   "args": CHROMIUM_ARGS + ["--user-data-dir=%s" % profile]}
        try:
            created = self._request("POST", "/session", {"capabilities": {
                "alwaysMatch": {"goog:chromeOptions": options}}})
        except (OSError, WebDriverError):
            self.__exit__(None, None, None)
            raise
        self.session = created["sessionId"]
        return self

    def __exit__(self, *exc):
        if self.session:
            try:
                self._session("DELETE")
            except (OSError, WebDriverError):
                pass
            self.session = None
        if self.driver:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.driver.kill()
                self.driver.wait()
            self.driver = None
            self.log.close()

    def open(self, path):
        self._session("POST", "/url", {"url": path.resolve().as_uri()})

    def run(self, script, *args):
        """Runs the body of a JavaScript function; returns its value."""
        return self._session("POST", "/execute/sync",
                             {"script": script, "args": list(args)})

    def _element(self, selector):
        found = self._session("POST", "/element",
                              {"using": "css selector", "value": selector})
        return found[ELEMENT]

    def click(self, selector):
        self._session("POST", "/element/%s/click" % self._element(selector))

    def type(self, selector, text):
        element = self._element(selector)
        self._session("POST", "/element/%s/clear" % element)
        self._session("POST", "/element/%s/value" % element, {"text": text})

    def select(self, selector, value):
        """Picks the option of VALUE in the select element SELECTOR."""
        self.click("%s option[value='%s']" % (selector, value))
