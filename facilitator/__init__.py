"""Lotsmöte facilitator: time-boxed agenda and live SIP capture for the meeting room."""

__version__ = "0.1.0"
