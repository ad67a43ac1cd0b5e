from screener.redact import redact_text
from screener.types import Document

TEXT = """Priya Raman
priya.raman@example.com | +44 7700 900123 | linkedin.com/in/priya
She led the team. Nationality: Indian. Married.
Led social care for a retailer."""


def test_redaction_keeps_length_and_line_breaks():
    masked, _ = redact_text(TEXT)
    assert len(masked) == len(TEXT) and masked.count("\n") == TEXT.count("\n")


def test_redaction_hides_personal_values():
    masked, _ = redact_text(TEXT)
    for value in ("Priya", "example.com", "7700", "linkedin", "She ", "Indian", "Married"):
        assert value not in masked


def test_redaction_keeps_the_work():
    masked, _ = redact_text(TEXT)
    assert "Led social care for a retailer." in masked


def test_redaction_reports_categories_and_counts_only():
    _, counts = redact_text(TEXT)
    assert counts["name"] == 1 and counts["email"] == 1 and counts["pronoun"] == 1


def test_redacted_document_offsets_still_map_to_lines():
    from screener.redact import redact_document

    doc, _ = redact_document(Document.from_text(TEXT))
    assert all(doc.text[ln.start : ln.end] == ln.text for ln in doc.lines)


def test_date_ranges_are_not_mistaken_for_phone_numbers():
    text = "Jo Bloggs\nAnalyst | 2017 - 2020 | 03/2019 - 06/2021 | (303) 555-0147"
    masked, counts = redact_text(text)
    assert "2017 - 2020" in masked and "03/2019 - 06/2021" in masked and counts["phone"] == 1


def test_graduation_years_in_the_education_section_are_masked():
    from screener.redact import redact_document

    text = (
        "Jo Bloggs\n\nExperience\nAnalyst — Acme | 2017 - 2020\n- Built dashboards.\n\n"
        "Education\nB.A., Communication, University of Leeds | 2009\n"
    )
    doc, counts = redact_document(Document.from_text(text))
    assert "2009" not in doc.text and "2017 - 2020" in doc.text
    assert counts["graduation_year"] == 1


def test_a_name_with_a_lowercase_particle_is_masked():
    masked, counts = redact_text("Maria dela Cruz\nSocial Media Manager\n")
    assert "dela" not in masked and counts["name"] == 1


def test_the_name_is_masked_wherever_it_appears_again():
    masked, counts = redact_text("Ana Silva\nManager\nReferences: ask Ana Silva's manager.\n")
    assert "Ana Silva" not in masked and counts["name"] == 2
