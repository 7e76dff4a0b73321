"""Sign-up confirmation codes for moto's Cognito, as Cognito checks them.

Stock moto (5.2.x) confirms any ``ConfirmSignUp`` whatever the code, has no ``ResendConfirmationCode`` and lets
``SignUp`` through even when the pool allows only administrators to create users.  The application relies on all
three (proof of email ownership), so this module makes the local endpoint behave like Cognito:

* ``SignUp`` is refused (``NotAuthorizedException``) when ``AdminCreateUserConfig.AllowAdminCreateUserOnly`` is
  set; otherwise the new, unconfirmed user gets a random 6-digit code, valid for 24 h (Cognito's validity;
  ``PRACTICECAL_COGNITO_CODE_TTL_SECONDS`` overrides it), printed to this server's log as Cognito would e-mail it.
* ``ConfirmSignUp`` checks the code: a wrong one is ``CodeMismatchException`` (after 5 wrong ones the code is void:
  ``LimitExceededException`` until a new code is requested), an expired one ``ExpiredCodeException``, a confirmed
  user ``NotAuthorizedException``; an unknown user ``CodeMismatchException`` when the client prevents user
  existence errors (``UserNotFoundException`` otherwise).  Success confirms the user and sets ``email_verified``.
* ``ResendConfirmationCode`` issues a new code (the old one stops working); an unknown user gets Cognito's
  simulated delivery when the client prevents user existence errors; a confirmed user ``InvalidParameterException``.
* ``AdminConfirmSignUp`` and ``AdminDeleteUser`` drop the user's code.

For tests and the local web app, :func:`control` answers two local-only requests (the local API gateway proxies
the first one as ``GET /_local/confirmation-code``):

* ``GET  /_practicecal/cognito/confirmation-code?userPoolId=..&email=..``  -> ``{"code", "expiresAt"}`` or 404
* ``POST /_practicecal/cognito/confirmation-code/expire?userPoolId=..&email=..``  -> 204 (the code expires now)
"""

from __future__ import annotations

import datetime
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional
from urllib.parse import parse_qs

CONTROL_PREFIX = "/_practicecal/cognito/confirmation-code"
DEFAULT_TTL_SECONDS = 24 * 3600
MAX_WRONG_ATTEMPTS = 5


@dataclass
class _Code:
    code: str
    expires_at: float
    wrong_attempts: int = 0


# (user pool id, user sub) -> the user's current code; a deleted and re-created user has a new sub
_codes: dict[tuple[str, str], _Code] = {}
_lock = threading.Lock()


def _ttl_seconds() -> int:
    return int(os.environ.get("PRACTICECAL_COGNITO_CODE_TTL_SECONDS", DEFAULT_TTL_SECONDS))


def _iso(epoch: float) -> str:
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _issue(pool: Any, user: Any) -> _Code:
    entry = _Code(code=f"{secrets.randbelow(1_000_000):06d}", expires_at=time.time() + _ttl_seconds())
    with _lock:
        _codes[(pool.id, user.id)] = entry
    email = user.attribute_lookup.get("email", user.username)
    # What Cognito would e-mail; the local stack's log is where a developer reads it.
    print(f"cognito: confirmation code {entry.code} for {email} (user pool {pool.id}, valid until "
          f"{_iso(entry.expires_at)})", flush=True)
    return entry


def _drop(pool_id: str, user: Any) -> None:
    with _lock:
        _codes.pop((pool_id, user.id), None)


def _pool_for_client(backend: Any, client_id: str) -> Any:
    for pool in backend.user_pools.values():
        if client_id in pool.clients:
            return pool
    return None


def _prevents_existence_errors(pool: Any, client_id: str) -> bool:
    client = pool.clients.get(client_id)
    return client is not None and client.extended_config.get("PreventUserExistenceErrors") == "ENABLED"


def _masked(email: str) -> str:
    first, _, domain = email.partition("@")
    return f"{first[:1]}***@{domain[:1]}***"


def _delivery(user: Any, username: str) -> dict[str, str]:
    email = user.attribute_lookup.get("email", username) if user is not None else username
    return {"Destination": _masked(email), "DeliveryMedium": "EMAIL", "AttributeName": "email"}


def install() -> None:
    from moto.cognitoidp import exceptions, models, responses
    from moto.core.exceptions import JsonRESTError
    from moto.core.responses import ActionResult, EmptyResult

    class LimitExceededException(JsonRESTError):
        def __init__(self, message: str) -> None:
            super().__init__(error_type="LimitExceededException", message=message)

    backend_type = models.CognitoIdpBackend
    stock_sign_up = backend_type.sign_up
    stock_admin_confirm = backend_type.admin_confirm_sign_up
    stock_admin_delete = backend_type.admin_delete_user

    def sign_up(self: Any, client_id: str, username: str, password: str, attributes: list) -> Any:
        pool = _pool_for_client(self, client_id)
        if pool is not None and pool.extended_config.get("AdminCreateUserConfig", {}).get("AllowAdminCreateUserOnly"):
            raise exceptions.NotAuthorizedError("SignUp is not permitted for this user pool")
        user, details = stock_sign_up(self, client_id, username, password, attributes)
        _issue(pool, user)
        return user, details or _delivery(user, username)

    def confirm_sign_up(self: Any, client_id: str, username: str, code: Optional[str] = None) -> str:
        pool = _pool_for_client(self, client_id)
        if pool is None:
            raise exceptions.ResourceNotFoundError(client_id)
        user = pool._get_user(username)
        if not user:
            if _prevents_existence_errors(pool, client_id):
                raise exceptions.CodeMismatchException("Invalid verification code provided, please try again.")
            raise exceptions.UserNotFoundError("Username/client id combination not found.")
        if user.status is not models.UserStatus.UNCONFIRMED:
            raise exceptions.NotAuthorizedError(
                f"User cannot be confirmed. Current status is {user.status.value}")
        with _lock:
            entry = _codes.get((pool.id, user.id))
            if entry is None:
                raise exceptions.CodeMismatchException("Invalid verification code provided, please try again.")
            if entry.wrong_attempts >= MAX_WRONG_ATTEMPTS:
                raise LimitExceededException("Attempt limit exceeded, please try after some time.")
            if time.time() >= entry.expires_at:
                raise exceptions.ExpiredCodeException("Invalid code provided, please request a code again.")
            if not hmac.compare_digest(str(code or "").encode(), entry.code.encode()):
                entry.wrong_attempts += 1
                raise exceptions.CodeMismatchException("Invalid verification code provided, please try again.")
            _codes.pop((pool.id, user.id), None)
        user.status = models.UserStatus.CONFIRMED
        user.update_attributes([{"Name": "email_verified", "Value": "true"}])
        return ""

    def resend_confirmation_code(self: Any, client_id: str, username: str) -> dict[str, str]:
        pool = _pool_for_client(self, client_id)
        if pool is None:
            raise exceptions.ResourceNotFoundError(client_id)
        user = pool._get_user(username)
        if not user:
            if _prevents_existence_errors(pool, client_id):
                return _delivery(None, username)  # Cognito simulates a delivery
            raise exceptions.UserNotFoundError("Username/client id combination not found.")
        if user.status is not models.UserStatus.UNCONFIRMED:
            raise exceptions.InvalidParameterException("User is already confirmed.")
        _issue(pool, user)
        return _delivery(user, username)

    def admin_confirm_sign_up(self: Any, user_pool_id: str, username: str) -> str:
        result = stock_admin_confirm(self, user_pool_id, username)
        _drop(user_pool_id, self.admin_get_user(user_pool_id, username))
        return result

    def admin_delete_user(self: Any, user_pool_id: str, username: str) -> None:
        user = self.admin_get_user(user_pool_id, username)
        stock_admin_delete(self, user_pool_id, username)
        _drop(user_pool_id, user)

    backend_type.sign_up = sign_up
    backend_type.confirm_sign_up = confirm_sign_up
    backend_type.resend_confirmation_code = resend_confirmation_code
    backend_type.admin_confirm_sign_up = admin_confirm_sign_up
    backend_type.admin_delete_user = admin_delete_user

    def confirm_sign_up_action(self: Any) -> Any:
        client_id = self._get_param("ClientId")
        backend = self._get_region_agnostic_backend()._find_backend_for_clientid(client_id)
        backend.confirm_sign_up(client_id, self._get_param("Username"), self._get_param("ConfirmationCode"))
        return EmptyResult()

    def resend_confirmation_code_action(self: Any) -> Any:
        client_id = self._get_param("ClientId")
        backend = self._get_region_agnostic_backend()._find_backend_for_clientid(client_id)
        details = backend.resend_confirmation_code(client_id, self._get_param("Username"))
        return ActionResult({"CodeDeliveryDetails": details})

    responses.CognitoIdpResponse.confirm_sign_up = confirm_sign_up_action
    responses.CognitoIdpResponse.resend_confirmation_code = resend_confirmation_code_action


# --------------------------------------------------------------------------- local control requests


def _find_pool(pool_id: str) -> Any:
    from moto.cognitoidp.models import cognitoidp_backends

    for account_backends in cognitoidp_backends.values():
        for region, backend in account_backends.items():
            if region != "global" and pool_id in backend.user_pools:
                return backend.user_pools[pool_id]
    return None


def _lookup(pool_id: str, email: str) -> Optional[tuple[str, str, _Code]]:
    pool = _find_pool(pool_id)
    if pool is None:
        return None
    for user in pool.users.values():
        if user.attribute_lookup.get("email") == email or user.username == email:
            entry = _codes.get((pool.id, user.id))
            if entry is not None:
                return pool.id, user.id, entry
    return None


def control(environ: dict[str, Any], start_response: Callable[..., Any]) -> Optional[Iterable[bytes]]:
    """Answers the local control requests (see the module); None for every other request."""
    path = environ.get("PATH_INFO", "")
    if not path.startswith(CONTROL_PREFIX):
        return None
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    method = environ.get("REQUEST_METHOD", "GET")
    found = _lookup(query.get("userPoolId", ""), query.get("email", ""))

    def answer(status: str, body: Optional[dict] = None) -> list[bytes]:
        data = json.dumps(body).encode() if body is not None else b""
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
        start_response(status, headers)
        return [data]

    if found is None:
        return answer("404 Not Found", {"message": "no pending confirmation code for this user"})
    _, _, entry = found
    if path == CONTROL_PREFIX and method == "GET":
        return answer("200 OK", {"code": entry.code, "expiresAt": _iso(entry.expires_at)})
    if path == CONTROL_PREFIX + "/expire" and method == "POST":
        with _lock:
            entry.expires_at = time.time() - 1
        return answer("204 No Content")
    return answer("404 Not Found", {"message": "unknown control request"})
