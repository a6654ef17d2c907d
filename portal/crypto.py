"""Sealing small secrets the database keeps (AES-GCM), with keys that can be rotated.

A sealed value reads ``v1:<key id>:<nonce and ciphertext, base64>``. The key id says which key
sealed it: values are sealed with the newest key and opened with any key still configured, so
a new key can be put in front and the old one taken out once nothing needs it. Each value is
bound to its place (say, one user's row and column): copied anywhere else, it does not open.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Mapping, Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = "v1"
NONCE_BYTES = 12


class CannotOpen(Exception):
    """Not a sealed value, sealed with a key no longer configured, or moved from its place."""


def _derive(secret: str, info: str, length: int) -> bytes:
    # The configured secrets are long random strings, not passwords: HKDF is the right tool
    # (no stretching needed), and ``info`` keeps each purpose's keys apart.
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None,
                info=info.encode()).derive(secret.encode())


class Keyring:
    """The keys for one purpose, newest first, each made from a configured secret."""

    def __init__(self, key_secrets: Sequence[str], purpose: str) -> None:
        self.purpose = purpose
        self.keys: dict[str, AESGCM] = {}
        for secret in key_secrets:
            key_id = _derive(secret, f"portal:{purpose}:key-id", 4).hex()
            self.keys.setdefault(key_id, AESGCM(_derive(secret, f"portal:{purpose}", 32)))
        if not self.keys:
            raise ValueError(f"no key to seal {purpose} with")
        self.current_id = next(iter(self.keys))

    def _associated_data(self, place: str) -> bytes:
        return f"{VERSION}:{self.purpose}:{place}".encode()

    def seal(self, plaintext: str, place: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self.keys[self.current_id].encrypt(nonce, plaintext.encode(),
                                                    self._associated_data(place))
        return f"{VERSION}:{self.current_id}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def open(self, value: str, place: str) -> str:
        version, _, rest = value.partition(":")
        key_id, _, data = rest.partition(":")
        if version != VERSION or key_id not in self.keys:
            raise CannotOpen(f"sealed with an unknown key ({version}:{key_id})")
        try:
            sealed = base64.urlsafe_b64decode(data)
            return self.keys[key_id].decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:],
                                             self._associated_data(place)).decode()
        except (ValueError, InvalidTag) as error:
            raise CannotOpen("damaged, or moved from its place") from error

    def is_current(self, value: str) -> bool:
        """Sealed with the newest key (so there is no need to seal it again)?"""
        return value.startswith(f"{VERSION}:{self.current_id}:")


def is_sealed(value: str) -> bool:
    return value.startswith(f"{VERSION}:")


def keyring_from_config(config: Mapping, setting: str, purpose: str) -> Keyring:
    """The keys listed in ``setting`` (newest first), then one made from SECRET_KEY: with
    nothing set, SECRET_KEY alone seals; a key put in ``setting`` takes over, and values sealed
    before still open."""
    listed = config.get(setting) or []
    if isinstance(listed, str):  # PORTAL_... set to one key rather than a JSON list
        listed = [listed]
    return Keyring([*(str(key) for key in listed), str(config["SECRET_KEY"])], purpose)
