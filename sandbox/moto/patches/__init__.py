"""Patches applied to moto at start-up; see server.py and sandbox/FIDELITY.md."""
