from perhekeskus.families.tests.fixtures import _fast_passwords, world

__all__ = ["_fast_passwords", "world"]
