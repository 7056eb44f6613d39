from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Role, Team, User, allowed_roles_for


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "That user name and password do not match. Both are case-sensitive. "
            "After several failed attempts the account is locked for a while."
        ),
        "inactive": _("This account has been deactivated. Ask your functional administrator."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split())


def _role_choices(kind: str) -> list[tuple[str, object]]:
    allowed = allowed_roles_for(kind)
    return [(value, label) for value, label in Role.choices if value in allowed]


class UserAccessForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        widget=forms.CheckboxSelectMultiple,
        queryset=Team.objects.none(),
        required=False,
    )

    def __init__(self, *args: object, admin: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        kind = admin.organisation.kind if admin.organisation else ""
        self.fields["roles"].choices = _role_choices(kind)  # type: ignore[attr-defined]
        self.fields["teams"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            organisation=admin.organisation
        )


class InviteForm(UserAccessForm):
    username = forms.CharField(label=_("User name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))

    field_order = ["username", "first_name", "last_name", "email", "roles", "teams"]

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is already taken."))
        return username


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Team name"), max_length=120)


class PersonChoiceField(forms.ModelChoiceField[User]):
    """Choose a colleague: shown by name and role, never by log-in name."""

    def label_from_instance(self, obj: User) -> str:
        return obj.name_with_roles


class PeopleChoiceField(forms.ModelMultipleChoiceField[User]):
    """Choose colleagues: shown by name and role, never by log-in name."""

    def label_from_instance(self, obj: User) -> str:
        return obj.name_with_roles
