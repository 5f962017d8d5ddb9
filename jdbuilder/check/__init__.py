"""Compliance check of assistant practitioner job descriptions, jdbuilder's own or anyone's."""
