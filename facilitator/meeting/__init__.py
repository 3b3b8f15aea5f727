"""The live meeting, outside any user interface: the session and its timer operations,
when to write, the writer thread, and what the room view follows. Imports no Textual."""
