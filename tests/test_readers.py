"""Reading exported files (readers): unwrapping text copied from PDFs."""

from digiwelfare.readers import lines_unwrap

_PARA = ("Kommunen har prøvd ut digitale tavler i fire team og har fulgt med på hvordan\n"
         "de ansatte bruker dem i det daglige arbeidet med brukerne i hjemmetjenesten, og\n"
         "hvordan lederne leser tallene som tavlene viser om arbeidet i teamet hver uke.\n")


def test_a_running_footer_set_in_columns_is_not_glued_to_the_text():
    footer = "Tavla på veggen – rapport 7                                          4"
    text = _PARA + footer + "\n2 Metode\n" + _PARA + footer.replace("4", "5") + "\n" + _PARA
    out = lines_unwrap(text).split("\n")
    assert footer in out and "2 Metode" in out
    assert out[0].endswith("hver uke.")  # the wrapped paragraph is one line again


def test_a_cover_name_line_is_not_glued_to_the_title_above_it():
    cover = ("Følgjeevaluering av ny teammodell og digital arbeidsflyt i heimetenestene\n"
             "Solveig Brekke og Arnfinn Lid\n\n" + _PARA * 2 +
             "Kommunen har prøvd ut digitale tavler i fire team og har fulgt med på dem i\n"
             "Kvinnherad.\n")
    out = lines_unwrap(cover).strip().split("\n")
    assert "Solveig Brekke og Arnfinn Lid" in out
    assert out[-1].endswith("på dem i Kvinnherad.")  # a paragraph's last line is joined
