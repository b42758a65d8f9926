#!/usr/bin/env bash
# Smoke test of the real compose stack: brings docker-compose.yml up (Camunda 8.8, Elasticsearch, PostgreSQL, the
# app built from this checkout) with WireMock playing SendGrid and Twilio (docs/compose-smoke.yml), runs one
# onboarding through it, and tears it all down again.
#
#   - the onboarding starts the way Tasklist starts it (Orchestration Cluster REST API, as user "caseworker");
#   - the caseworker and reviewer tasks are completed through the REST API the way Tasklist completes them
#     (assign, then complete; the review with the form's string value "true");
#   - the caseworker enters the applicant's details and confirms the setup code on the app's staff pages;
#   - the applicant signs up on the app's pages, with the codes WireMock received;
#   - at the end the instance is searched as Operate does (as user "manager"): completed, no incident, and no
#     variable holding the applicant's email address, name, phone number or setup code.
#
# THIS SCRIPT CANNOT RUN ON THE PROJECT'S DEVELOPMENT MACHINES: they have no Docker engine. It runs in GitHub
# Actions (.github/workflows/compose-smoke.yml) and on any machine with Docker and Compose v2.24+. Here it is
# only checked: `bash -n` and shellcheck (ComposeSmokeFilesTest), and the compose files by DockerComposeFileTest.
#
# Usage: bash docs/compose-smoke.sh      (from anywhere; it needs Docker and python3, which does the HTTP)
# It writes .env for the run (demo values, fake provider keys) and refuses to touch an existing one.
set -euo pipefail
cd "$(dirname "$0")/.."

COMPOSE=(docker compose -f docker-compose.yml -f docs/compose-smoke.yml)
APP=http://localhost:8080
CAMUNDA=http://localhost:8088
PROVIDERS=http://127.0.0.1:8089

if [ -e .env ]; then
  echo "compose-smoke: .env exists; move it away first (this script writes its own and deletes it)." >&2
  exit 2
fi
command -v docker >/dev/null || { echo "compose-smoke: Docker is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "compose-smoke: python3 is required" >&2; exit 2; }

random() { python3 -c 'import secrets; print(secrets.token_urlsafe(32))'; }
cat > .env <<ENV
POSTGRES_DB=cso
POSTGRES_USER=cso
POSTGRES_PASSWORD=$(random)
CAMUNDA_CLIENT_AUTH_USERNAME=cso-app
CAMUNDA_CLIENT_AUTH_PASSWORD=$(random)
CSO_SECURITY_CODE_HASH_KEY=$(random)
CSO_BASE_URL=$APP
SENDGRID_API_KEY=SG.smoke-test-key
SENDGRID_FROM_EMAIL=noreply@smoke.example
TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef
TWILIO_AUTH_TOKEN=smoke-test-token
TWILIO_VERIFY_SERVICE_SID=VA0123456789abcdef0123456789abcdef
CSO_STAFF_USERS_0_USERNAME=caseworker
CSO_STAFF_USERS_0_PASSWORD=smoke-caseworker-password
CSO_STAFF_USERS_0_ROLES_0=CASEWORKER
CSO_STAFF_USERS_1_USERNAME=reviewer
CSO_STAFF_USERS_1_PASSWORD=smoke-reviewer-password
CSO_STAFF_USERS_1_ROLES_0=REVIEWER
ENV

finish() {
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "compose-smoke: FAILED; the last lines of each service:" >&2
    "${COMPOSE[@]}" logs --no-color --tail 200 >&2 || true
  fi
  "${COMPOSE[@]}" down -v --remove-orphans || true
  rm -f .env
  exit "$status"
}
trap finish EXIT

echo "compose-smoke: starting the stack (the first build and Camunda's start take a few minutes)"
"${COMPOSE[@]}" up --build --detach --wait --wait-timeout 900

echo "compose-smoke: one onboarding"
APP="$APP" CAMUNDA="$CAMUNDA" PROVIDERS="$PROVIDERS" python3 - <<'PY'
import base64, http.cookiejar, json, os, re, time, urllib.parse, urllib.request
from html.parser import HTMLParser

APP, CAMUNDA, PROVIDERS = os.environ["APP"], os.environ["CAMUNDA"], os.environ["PROVIDERS"]
APPLICANT, PHONE_CODE, PASSWORD = "smoke.parent@example.org", "123456", "correct horse battery"
SECRETS = [APPLICANT, "Smokey", "Parentson", "+447400765432", "07400 765432", PASSWORD]

def eventually(what, probe, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(1)
    raise SystemExit("timed out waiting for " + what)

def rest(method, path, user, password, body=None):
    request = urllib.request.Request(CAMUNDA + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else {}

def tasks(key, element, user, password):
    found = rest("POST", "/v2/user-tasks/search", user, password,
                 {"filter": {"processInstanceKey": key, "state": "CREATED", "elementId": element}})
    return found.get("items", [])

def complete_as_tasklist(key, element, user, password, variables=None):
    """Tasklist: assign the task to yourself, then complete it with the form's variables."""
    task = eventually(element + " in Tasklist", lambda: tasks(key, element, user, password))[0]
    rest("POST", f"/v2/user-tasks/{task['userTaskKey']}/assignment", user, password, {"assignee": user})
    rest("POST", f"/v2/user-tasks/{task['userTaskKey']}/completion", user, password, {"variables": variables or {}})
    return task["userTaskKey"]

class Form(HTMLParser):
    def __init__(self):
        super().__init__(); self.forms, self.current, self.button, self.ids = [], None, None, {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a: self.ids[a["id"]] = a
        if tag == "form":
            self.current = {"action": a.get("action", ""), "fields": {}, "buttons": []}; self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "textarea") and a.get("name") and a.get("type") != "checkbox":
            self.current["fields"][a["name"]] = a.get("value", "")
        elif self.current is not None and tag == "button":
            self.button = {"name": a.get("name"), "value": a.get("value", ""), "text": ""}
    def handle_data(self, data):
        if self.button is not None: self.button["text"] += data
    def handle_endtag(self, tag):
        if tag == "button" and self.button is not None:
            self.button["text"] = self.button["text"].strip(); self.current["buttons"].append(self.button); self.button = None
        elif tag == "form": self.current = None

class Browser:
    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    def get(self, path):
        with self.opener.open(urllib.parse.urljoin(APP, path), timeout=30) as r:
            return r.geturl(), r.read().decode()
    def submit(self, page, button, fields=None):
        url, html = page
        parsed = Form(); parsed.feed(html)
        form = next(f for f in parsed.forms if any(b["text"] == button for b in f["buttons"]))
        values = dict(form["fields"]); values.update(fields or {})
        pressed = next(b for b in form["buttons"] if b["text"] == button)
        if pressed["name"]: values[pressed["name"]] = pressed["value"]
        data = urllib.parse.urlencode(values).encode()
        with self.opener.open(urllib.parse.urljoin(url, form["action"]), data=data, timeout=30) as r:
            return r.geturl(), r.read().decode()
    def ids(self, page):
        parsed = Form(); parsed.feed(page[1]); return parsed.ids

def staff(user, password):
    browser = Browser()
    home = browser.submit(browser.get("/staff/sign-in"), "Sign in", {"username": user, "password": password})
    assert "Signed in as " + user in home[1], "staff sign-in failed for " + user
    return browser

def email(subject, earlier=0):
    def probe():
        with urllib.request.urlopen(PROVIDERS + "/__admin/requests", timeout=30) as r:
            bodies = [q["request"]["body"] for q in json.load(r)["requests"]
                      if q["request"]["url"] == "/v3/mail/send"]
        bodies = [b for b in bodies if APPLICANT in b and subject in b]
        return bodies[0] if len(bodies) > earlier else None  # WireMock lists the newest first
    return eventually("email " + subject, probe)

def find(text, regex):
    match = re.search(regex, text)
    assert match, regex
    return match.group(1)

# Step 1: Tasklist starts the process; its start form has no fields, so no variables.
key = rest("POST", "/v2/process-instances", "caseworker", "demo-caseworker",
           {"processDefinitionId": "cso-onboarding", "variables": {}})["processInstanceKey"]
print("started process instance", key)
first = complete_as_tasklist(key, "UserTask_EnterApplicantDetails", "caseworker", "demo-caseworker")
eventually("the details task back after completing it without details",
           lambda: [t for t in tasks(key, "UserTask_EnterApplicantDetails", "caseworker", "demo-caseworker")
                    if t["userTaskKey"] != first])
caseworker = staff("caseworker", "smoke-caseworker-password")
listing = eventually("the Tasklist start on the staff pages",
                     lambda: re.search(r'id="tasklist-starts".*?href="(/staff/onboardings/[0-9a-f-]{36})"',
                                       caseworker.get("/staff/onboardings")[1], re.S))
onboarding = caseworker.submit(caseworker.get(listing.group(1)), "Send setup email",
                               {"applicantEmail": APPLICANT, "recordReference": "CR-SMOKE", "recordName": "Smokey Parentson"})
assert APPLICANT in onboarding[1], "onboarding page after entering the details"

# Step 2: completing the Tasklist task alone does nothing; the code is confirmed on the staff page.
setup_code = find(email("Set up your Children"), r"setup code is: ([A-Z0-9-]+)")
SECRETS.append(setup_code)
first = complete_as_tasklist(key, "UserTask_ConfirmSetupCode", "caseworker", "demo-caseworker")
eventually("the confirmation task back", lambda: [t for t in tasks(key, "UserTask_ConfirmSetupCode", "caseworker",
                                                                   "demo-caseworker") if t["userTaskKey"] != first])
page = eventually("setup code field", lambda: (lambda p: p if "Confirm the setup code" in p[1] else None)(
    caseworker.get(onboarding[0])))
assert "Setup code confirmed" in caseworker.submit(page, "Confirm", {"setupCode": setup_code})[1]

# Steps 3-14: the applicant.
applicant = Browser()
link = urllib.parse.urlparse(find(email("Account Invitation"), r'(http[^\s"\\<]+/invitation/[^\s"\\<]+)')).path
sign_in = applicant.submit(applicant.get(link), "Continue")
email_page = applicant.get(applicant.ids(sign_in)["sign-up-now"]["href"])
verify = applicant.submit(email_page, "Send verification code", {"email": APPLICANT})
email_code = find(email("account verification code"), r"verification code is: (\d{6})")
SECRETS.append(email_code)
applicant.submit(verify, "verify code", {"code": email_code})
phone = applicant.submit(applicant.get("/signup/details"), "Create", {"givenName": "Smokey", "surname": "Parentson",
                         "newPassword": PASSWORD, "confirmNewPassword": PASSWORD})
code_page = applicant.submit(phone, "Send Code", {"phoneNumber": "07400 765432"})
again = applicant.submit(code_page, "Verify Code", {"code": PHONE_CODE})
setup = applicant.submit(applicant.submit(again, "Call me"), "Verify Code", {"code": PHONE_CODE})
assert "Smokey Parentson" in setup[1], "account setup page"
reference = applicant.ids(setup)["recordSelected"]["value"]
pop_up = applicant.submit(setup, "Confirm", {"recordSelected": reference, "confirmRecord": "yes"})
applicant.submit(pop_up, "Submit")

# Step 15: the reviewer decides in Tasklist; the form submits the string "true".
complete_as_tasklist(key, "UserTask_ReviewAccess", "reviewer", "demo-reviewer", {"accessApproved": "true"})
email("Services Online activation")

# As Operate sees it: completed, no incident, and nothing personal or secret in any variable.
instance = eventually("the instance completed", lambda: [i for i in rest("POST", "/v2/process-instances/search",
    "manager", "demo-manager", {"filter": {"processInstanceKey": key}})["items"] if i["state"] == "COMPLETED"])
incidents = rest("POST", "/v2/incidents/search", "manager", "demo-manager", {"filter": {"processInstanceKey": key}})
assert not incidents.get("items"), incidents
variables = rest("POST", "/v2/variables/search", "manager", "demo-manager",
                 {"filter": {"processInstanceKey": key}, "page": {"limit": 1000}})["items"]
assert variables, "no variables found"
for variable in variables:
    for secret in SECRETS:
        assert secret.lower() not in json.dumps(variable).lower(), variable["name"]
print("compose-smoke: onboarding", key, "completed through the stack;", len(variables), "variables checked")
PY
echo "compose-smoke: passed"
