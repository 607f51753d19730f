"""What meetings ask of the apps built on them, without importing them (they depend on meetings, not the reverse)."""

from django.dispatch import Signal

# Sent by services.meeting_delete before the meeting goes; each receiver answers the ids (a list or a queryset of
# ids) of the documents it attached under the meeting, deleted with it (the follow-up's evidence).
meeting_documents = Signal()
