"""The plain Markdown SIP: every section in the routine's order, user text as typed."""

from facilitator.export import to_markdown
from facilitator.export.markdown import escape, escape_block
from tests.conftest import full_case, full_meeting


def test_every_section_in_order():
    case = full_case()
    text = to_markdown(case, full_meeting(case), revision=1)
    headings = [line for line in text.splitlines() if line.startswith("##")]
    assert headings == [
        "## Frågeställning",
        "## Mötets syfte",
        "## Deltagare",
        "## Kontaktuppgifter",
        "## Samtycke till informationsöverföring",
        "## Nulägesbeskrivning",
        "### Familjens berättelse",
        "### Professionernas berättelse",
        "## Frågestund",
        "## Mål",
        "## Insatser",
        "### Kommunen ansvarar för",
        "### Regionen ansvarar för",
        "### Annan aktör ansvarar för",
        "## Huvudansvarig huvudman",
        "## Lots",
        "## Sammanfattning",
        "## Barnets delaktighet",
        "## Uppfattning om föreslagna insatser",
        "## Uppföljning",
        "## Kopior och original",
        "## Underskrifter",
    ]
    assert "- **Revision:** 1" in text
    assert "omfattas av sekretess" in text


def test_content_and_names():
    case = full_case()
    text = to_markdown(case, full_meeting(case))
    for name in ("Åsa Öberg-Şahin", "Đorđe Đorđević", "Łukasz Wójcik", "Emre Şahin"):
        assert name in text
    assert "| Anpassat schema | Đorđe Đorđević, Skolan | 2026-02-01 | planerad |" in text
    assert "- Mia Öberg, vårdnadshavare: ______________________ (Ort och datum)" in text
    assert "Skrev under" not in text
    assert "- Đorđe Đorđević, sekreterare och verksamhetsaktör, Socialtjänsten: ______" in text
    assert "Barnet deltog inte i mötet. Skäl: Åsa orkade inte komma." in text
    assert "Kommunen – Socialtjänsten" in text
    assert "### Regionen ansvarar för\n\n| Vad | Vem | Klart senast | Status |\n|---|---|---|---|\n| Samtalskontakt \\*varje\\* vecka |" in text
    assert "**Saknas:** Sekretessen har inte bekräftats" in text
    assert "Återkallat" not in text  # BUP's revocation came after the meeting (2026-02-01)
    assert "Åsa mår dåligt på morgnarna.\n\nHon vill gå till skolan." in text


def test_user_markup_is_escaped():
    case = full_case()
    text = to_markdown(case, full_meeting(case))
    assert "Fråga om \\[b\\]schema\\[/b\\]" in text
    assert "- \\# Mindre oro \\(lång sikt\\)" in text
    assert "Samtalskontakt \\*varje\\* vecka" in text


def test_escape():
    assert escape("[länk](http://x)") == "\\[länk\\]\\(http://x\\)"
    assert escape("1. punkt") == "1\\. punkt"
    assert escape("- rad") == "\\- rad"
    assert escape("a | b") == "a \\| b"
    assert escape_block("rad 1\nrad 2") == "rad 1  \nrad 2"
