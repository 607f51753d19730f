from django import forms

from enlace.core.widgets import FastCheckboxSelectMultiple, FastSelect


class Sample(forms.Form):
    many = forms.MultipleChoiceField(
        choices=[("A", "Alfa"), ("B", "<b>Beta</b>")], widget=FastCheckboxSelectMultiple, required=False
    )
    one = forms.ChoiceField(choices=[("", "—"), ("A", "Alfa")], widget=FastSelect, required=False)


def test_renders_like_django_widgets_with_the_choices_escaped_and_marked():
    form = Sample(initial={"many": ["B"], "one": "A"})
    # Checkboxes, not a multiple select: one click never clears the other choices.
    assert str(form["many"]) == (
        '<div class="checks" id="id_many">'
        '<label class="check" for="id_many_0"><input type="checkbox" name="many" value="A" id="id_many_0"> Alfa</label>'
        '<label class="check" for="id_many_1"><input type="checkbox" name="many" value="B" id="id_many_1" checked> '
        "&lt;b&gt;Beta&lt;/b&gt;</label></div>"
    )
    assert str(form["one"]) == (
        '<select id="id_one" name="one"><option value="">—</option><option value="A" selected>Alfa</option></select>'
    )


def test_posted_values_validate_and_show_as_selected():
    form = Sample(data={"many": ["A", "B"], "one": ""})
    assert form.is_valid() and form.cleaned_data["many"] == ["A", "B"]
    assert str(form["many"]).count(" checked") == 2


def test_date_text_and_checkbox_inputs():
    import datetime as dt

    from enlace.core.widgets import DateInput, FastCheckboxInput, FastTextarea, FastTextInput

    assert (
        DateInput().render("due", dt.date(2016, 8, 8)) == '<input name="due" type="date" value="2016-08-08">'
    )
    assert (
        FastTextInput().render("q", '"<x>"') == '<input name="q" type="text" value="&quot;&lt;x&gt;&quot;">'
    )
    assert FastTextInput().render("q", None) == '<input name="q" type="text">'
    assert (
        FastTextarea().render("t", "a < b")
        == '<textarea cols="40" name="t" rows="10">\r\na &lt; b</textarea>'
    )
    assert FastCheckboxInput().render("DELETE", True) == '<input name="DELETE" type="checkbox" checked>'
    assert FastCheckboxInput().render("DELETE", False) == '<input name="DELETE" type="checkbox">'
