"""What the audit log shows for the kinds of object it records: a label in the reader's language
for each code that `log_access` writes (a model's name, or a name given by the caller)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

OBJECT_KINDS: dict[str, Promise] = {
    # accounts
    "user": _("User"),
    "team": _("Team"),
    "organisation": _("Organisation"),
    "region": _("Region"),
    "rolegrant": _("Role"),
    "password": _("Password"),
    "second_factor": _("Second factor"),
    "totpdevice": _("Authenticator"),
    # audit
    "audit_log": _("Audit log"),
    "access_overview": _("Access overview of a youth"),
    "auditentry": _("Audit entry"),
    "auditchainhead": _("Audit chain"),
    # cases
    "youth": _("Youth"),
    "youth_list": _("List of youths"),
    "guardian": _("Legal guardian"),
    "emergency_access": _("Emergency access"),
    "emergencyaccess": _("Emergency access"),
    "exploitationform": _("Form of exploitation"),
    "riskfactor": _("Risk factor"),
    "youthnamedigest": _("Name index"),
    "youth_teams": _("Team of the youth"),
    "youth_risk_factors": _("Risk factor of the youth"),
    "page": _("Page"),
    # signalling
    "signal": _("Signal"),
    "dailyreport": _("Daily report"),
    "consultation": _("Consultation"),
    "indicator": _("Indicator"),
    "signal_indicators": _("Indicator of a signal"),
    "consultation_participants": _("Participant in a consultation"),
    "indicatorcatalogue": _("Indicator catalogue"),
    # screening
    "screening": _("Risk screening"),
    "screeningevent": _("Event for a screening"),
    "screening_policy": _("Screening policy"),
    "screeningpolicy": _("Screening policy"),
    "instrument": _("Screening instrument"),
    "reminderdigest": _("Reminder"),
    # meldcode
    "meldcode": _("Meldcode"),
    "meldcode_policy": _("Meldcode policy"),
    "meldcodepolicy": _("Meldcode policy"),
    "trajectory": _("Meldcode trajectory"),
    "steprecord": _("Step in the meldcode"),
    "report": _("Report to Veilig Thuis"),
    "escalation": _("Escalation"),
    "followup": _("Follow-up"),
    "conference": _("Case conference"),
    "caseconference": _("Case conference"),
    "conferenceaction": _("Action from a case conference"),
    # partners
    "partner": _("Chain partner"),
    "sharingguidance": _("Sharing guidance"),
    # registration
    "registration": _("Registration"),
    "registration_policy": _("Registration policy"),
    "registrationpolicy": _("Registration policy"),
    "registrationtask": _("Registration question"),
    "outboundregistration": _("Registration"),
    "outboundcall": _("Change sent to the registry"),
    "disclosure": _("Disclosure to the registry"),
    "consentdecision": _("Consent decision"),
    "objection": _("Objection"),
    "filenote": _("Note in the file"),
    "deliveryproblem": _("Delivery problem"),
    # learning
    "training_policy": _("Training policy"),
    "trainingpolicy": _("Training policy"),
    "quizattempt": _("Quiz attempt"),
    "selfassessment": _("Self-assessment"),
    # retention
    "retention_hold": _("Retention hold"),
    "retentionhold": _("Retention hold"),
    # registry
    "registration_upload": _("Upload of registrations"),
    "source": _("Registering source"),
    "countreport": _("Count report"),
    "linkjob": _("Linking of an upload"),
    "bootstrapjob": _("Bootstrap computation"),
    "releaseestimate": _("Estimate of a release"),
    "person": _("Person in the registry"),
    "candidate_pair": _("Possible match"),
    "candidatepair": _("Possible match"),
    "linkagerun": _("Linkage run"),
    "capture_table": _("Capture table"),
    "statistics_release": _("Statistics release"),
    "statisticsrelease": _("Statistics release"),
    "apiratecount": _("API request count"),
}


def object_kind_label(code: str) -> str:
    """The label of an object kind; an unknown code is shown as it is rather than hidden."""
    label = OBJECT_KINDS.get(code)
    return str(label) if label is not None else code
