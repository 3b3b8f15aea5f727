"""The documents as the program shows and prints them: the SIP, the kallelse, the meeting
report, the child's plan and the child's view of the steps. Each is a pure function of the
domain (``facilitator.agenda``) into the words of ``facilitator.strings``; the exporters
and the screens render what these give. Imports no user interface."""
