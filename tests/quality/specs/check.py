"""Gate 7: the outputs that are not HTML, read by parsers of their own specifications.

Usage: python3 check.py SITE_DIR

Prints one JSON object, {"checked": "...", "problems": ["file: what is wrong", ...]}, for
gates/specs.mjs. The parsers are the registries' (pinned in requirements.txt): feedparser for RSS
2.0 and Atom 1.0, JSON Feed 1.1 (which feedparser 6 does not read) by its specification's rules; icalendar for RFC 5545 with the rules it does not enforce itself
checked here; extruct for the schema.org JSON-LD of every vacancy page, with Google's required and
recommended JobPosting properties; xmlschema for jobs.xml against indeed-jobs.xsd.
"""

import datetime
import json
import pathlib
import re
import sys

import extruct
import feedparser
import icalendar
import xmlschema

HERE = pathlib.Path(__file__).resolve().parent
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$")


def feeds(site, problems):
    expected = {"vacatures/feed.xml": "rss20", "verhalen/feed.xml": "atom10"}
    entries = json_feed(site, "vacatures/feed.json", problems)
    for name, version in expected.items():
        path = site / name
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            problems.append(f"{name}: not a valid feed: {parsed.bozo_exception}")
        if parsed.version != version:
            problems.append(f"{name}: read as {parsed.version or 'unknown'}, expected {version}")
        for n, entry in enumerate(parsed.entries, 1):
            for key in ("title", "link", "id", "published"):
                if not entry.get(key):
                    problems.append(f"{name}: entry {n} has no {key}")
        entries += len(parsed.entries)
    return f"{len(expected) + 1} feeds with {entries} entries"


def json_feed(site, name, problems):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), which feedparser 6 does not read: its
    required keys and types, `version` first."""
    path = site / name
    try:
        text = path.read_text("utf-8")
        feed = json.loads(text)
    except (OSError, ValueError) as error:
        problems.append(f"{name}: not JSON: {error}")
        return 0
    if next(iter(feed), None) != "version":
        problems.append(f"{name}: `version` is not the first key")
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"{name}: version is {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append(f"{name}: no title")
    items = feed.get("items")
    if not isinstance(items, list):
        problems.append(f"{name}: items is not a list")
        return 0
    for n, item in enumerate(items, 1):
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{name}: item {n} has no string id")
        if not (item.get("content_html") or item.get("content_text")):
            problems.append(f"{name}: item {n} has neither content_html nor content_text")
        if "date_published" in item and not DATE_TIME.match(item["date_published"]):
            problems.append(f"{name}: item {n} date_published is not RFC 3339")
    return len(items)


def calendars(site, problems):
    files = sorted(site.glob("**/delen.ics"))
    events = 0
    for path in files:
        name = path.relative_to(site).as_posix()
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        if lines[-1] != b"":
            problems.append(f"{name}: does not end with CRLF")
        for number, line in enumerate(lines[:-1], 1):
            if b"\n" in line or b"\r" in line:
                problems.append(f"{name}:{number}: a line end that is not CRLF (RFC 5545 3.1)")
            if len(line) > 75:
                problems.append(f"{name}:{number}: {len(line)} octets, more than 75 (RFC 5545 3.1)")
        try:
            calendar = icalendar.Calendar.from_ical(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            problems.append(f"{name}: not an iCalendar object: {error}")
            continue
        for prop in ("VERSION", "PRODID"):
            if prop not in calendar:
                problems.append(f"{name}: no {prop} (RFC 5545 3.6)")
        if calendar.get("VERSION") != "2.0":
            problems.append(f"{name}: VERSION is not 2.0")
        components = [c for c in calendar.subcomponents]
        if not components:
            problems.append(f"{name}: no calendar component; RFC 5545 3.6 requires at least one")
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                problems.append(f"{name}: {component.name}: {error}")
        for event in calendar.walk("VEVENT"):
            events += 1
            uid = event.get("UID", "?")
            for prop in ("UID", "DTSTAMP", "DTSTART"):
                if prop not in event:
                    problems.append(f"{name}: event {uid} has no {prop} (RFC 5545 3.6.1)")
            start, end = event.get("DTSTART"), event.get("DTEND")
            if start is not None and end is not None and not end.dt > start.dt:
                problems.append(f"{name}: event {uid} ends before it starts")
    return f"{len(files)} calendars with {events} events"


def job_postings(site, problems):
    postings = 0
    for path in sorted(site.glob("vacatures/*/index.html")):
        name = path.relative_to(site).as_posix()
        data = extruct.extract(path.read_text("utf-8"), syntaxes=["json-ld"], errors="strict")
        for item in data["json-ld"]:
            if item.get("@type") != "JobPosting":
                continue
            postings += 1
            job_posting(name, item, problems)
    if postings == 0:
        problems.append("vacatures/: no page with a JobPosting")
    return f"{postings} JobPostings"


def job_posting(name, job, problems):
    def need(key, check=lambda v: bool(v), what="missing"):
        if key not in job:
            problems.append(f"{name}: JobPosting has no {key} (Google: required or recommended)")
        elif not check(job[key]):
            problems.append(f"{name}: JobPosting {key} {what}: {json.dumps(job[key])[:80]}")

    if job.get("@context") not in ("https://schema.org", "http://schema.org"):
        problems.append(f"{name}: @context is not schema.org")
    # Google's required properties.
    need("title", lambda v: isinstance(v, str) and v.strip(), "is empty")
    need("description", lambda v: isinstance(v, str) and v.strip(), "is empty")
    need("datePosted", lambda v: isinstance(v, str) and DATE.match(v), "is not an ISO 8601 date")
    need(
        "hiringOrganization",
        lambda v: isinstance(v, dict) and v.get("@type") == "Organization" and v.get("name"),
        "is not an Organization with a name",
    )
    remote = job.get("jobLocationType") == "TELECOMMUTE"
    if "jobLocationType" in job and not remote:
        problems.append(f"{name}: jobLocationType is {job['jobLocationType']!r}, Google knows only TELECOMMUTE")
    if remote:
        need(
            "applicantLocationRequirements",
            lambda v: isinstance(v, dict) and v.get("@type") == "Country" and v.get("name"),
            "is not a Country",
        )
    else:
        need(
            "jobLocation",
            lambda v: isinstance(v, dict)
            and v.get("@type") == "Place"
            and isinstance(v.get("address"), dict)
            and v["address"].get("addressCountry")
            and v["address"].get("addressLocality"),
            "is not a Place with a locality and country",
        )
    # Google's recommended properties that every vacancy has.
    need("validThrough", lambda v: isinstance(v, str) and DATE_TIME.match(v), "is not an ISO 8601 date-time")
    need(
        "identifier",
        lambda v: isinstance(v, dict) and v.get("@type") == "PropertyValue" and v.get("value"),
        "is not a PropertyValue",
    )
    # Recommended ones a vacancy may leave out; when present they have Google's form.
    types = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
    if "employmentType" in job:
        values = job["employmentType"] if isinstance(job["employmentType"], list) else [job["employmentType"]]
        if not values or any(v not in types for v in values):
            problems.append(f"{name}: employmentType {values} has a value Google does not know")
    if "baseSalary" in job:
        salary = job["baseSalary"]
        value = salary.get("value", {}) if isinstance(salary, dict) else {}
        if (
            salary.get("@type") != "MonetaryAmount"
            or not re.fullmatch(r"[A-Z]{3}", str(salary.get("currency", "")))
            or value.get("unitText") not in {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
            or not any(isinstance(value.get(k), (int, float)) for k in ("value", "minValue"))
        ):
            problems.append(f"{name}: baseSalary is not a MonetaryAmount as Google documents it")
    if "directApply" in job and not isinstance(job["directApply"], bool):
        problems.append(f"{name}: directApply is not a boolean")
    if "validThrough" in job and "datePosted" in job and DATE_TIME.match(str(job["validThrough"])):
        posted = datetime.date.fromisoformat(job["datePosted"])
        if datetime.datetime.fromisoformat(job["validThrough"].replace("Z", "+00:00")).date() < posted:
            problems.append(f"{name}: validThrough is before datePosted")


def job_feed(site, problems):
    path = site / "vacatures/jobs.xml"
    if not path.exists():
        problems.append("vacatures/jobs.xml: missing")
        return "no job feed"
    schema = xmlschema.XMLSchema(str(HERE / "indeed-jobs.xsd"))
    errors = list(schema.iter_errors(str(path)))
    for error in errors[:20]:
        where = f":{error.sourceline}" if getattr(error, "sourceline", None) else ""
        problems.append(f"vacatures/jobs.xml{where}: {error.reason} (at {error.path})")
    return "jobs.xml against indeed-jobs.xsd"


def main():
    if len(sys.argv) != 2:
        print("usage: check.py SITE_DIR", file=sys.stderr)
        return 2
    site = pathlib.Path(sys.argv[1])
    problems = []
    checked = [check(site, problems) for check in (feeds, calendars, job_postings, job_feed)]
    print(json.dumps({"checked": ", ".join(checked), "problems": problems}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
