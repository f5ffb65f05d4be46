"""A form's hidden fields as the project writes them (core.forms.Form.hidden_tag) are what flask-wtf writes, plus
the one-time token: with a prefix, with awkward values, and for the fields WTForms would write differently."""
import re

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired

from core.forms import Form


class _Form(Form):
    back = HiddenField()
    ref = HiddenField(render_kw={"data-x": "1"})
    gone = HiddenField()
    name = StringField(validators=[DataRequired()])


def _without_once(html):
    return re.sub(r'<input type="hidden" name="_once" value="[^"]+">$', "", str(html))


def test_hidden_fields_are_written_as_flask_wtf_writes_them(app):
    with app.test_request_context("/"):
        for prefix in ("", "b12"):
            form = _Form(prefix=prefix, formdata=None, back='a "quoted" <value> & more')
            form.gone.flags.disabled = True
            ours = form.hidden_tag()
            assert _without_once(ours) == str(FlaskForm.hidden_tag(form))
            assert 'value="a &#34;quoted&#34; &lt;value&gt; &amp; more"' in ours
            assert 'data-x="1"' in ours and "disabled" in ours and "csrf_token" in ours
            assert 'name="_once"' in ours and 'name="name"' not in ours
            assert _without_once(form.hidden_tag("back", "name")) == str(FlaskForm.hidden_tag(form, "back", "name"))
