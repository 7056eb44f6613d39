"""Registration with the national registry: consent and lawful basis, pseudonymisation at the
institution, and (to come) the decision tree, the outbox and the sender."""
