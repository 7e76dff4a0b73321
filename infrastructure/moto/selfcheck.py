#!/usr/bin/env python3
"""Self-check for the serialized moto launcher (moto_server.py).

Run with the project venv:  .venv/bin/python infrastructure/moto/selfcheck.py
(or ``./dev selfcheck``).

Without ``--endpoint`` it starts its own launcher on a free port, runs the
checks and stops it again with SIGTERM (checking it exits cleanly).  With
``--endpoint http://127.0.0.1:5055`` it checks an already running server
(it only creates uniquely named resources there; nothing is reset).

Exits 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

REGION = "eu-central-1"
HERE = Path(__file__).resolve().parent

failures: list[str] = []


def check(cond: bool, msg: str) -> None:
    print(("  OK    " if cond else "  FAIL  ") + msg, flush=True)
    if not cond:
        failures.append(msg)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(endpoint: str, timeout: float = 30.0) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(endpoint + "/moto-api/config", timeout=2) as r:
                if r.status < 500:
                    return True
        except Exception:
            time.sleep(0.2)
    return False


def client(endpoint: str, service: str, threads: int = 10):
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(max_pool_connections=max(threads, 10), retries={"max_attempts": 1}),
    )


def err_code(e: ClientError) -> str:
    return e.response.get("Error", {}).get("Code", "")


# --------------------------------------------------------------------------- checks


def check_dynamodb_conditional_put(endpoint: str, table: str, n_threads: int = 30) -> None:
    print(f"[dynamodb] {n_threads} threads: conditional PutItem attribute_not_exists(pk) on one key")
    ddb = client(endpoint, "dynamodb", n_threads)
    barrier = threading.Barrier(n_threads)

    def attempt(i: int) -> str:
        barrier.wait()
        try:
            ddb.put_item(
                TableName=table,
                Item={"pk": {"S": "race"}, "sk": {"S": "one"}, "writer": {"N": str(i)}},
                ConditionExpression="attribute_not_exists(pk)",
            )
            return "ok"
        except ClientError as e:
            return err_code(e)

    with ThreadPoolExecutor(n_threads) as pool:
        results = list(pool.map(attempt, range(n_threads)))
    ok = results.count("ok")
    ccf = results.count("ConditionalCheckFailedException")
    print(f"         successes={ok} ConditionalCheckFailed={ccf} other={n_threads - ok - ccf}")
    check(ok == 1, f"exactly one conditional put succeeded (got {ok})")
    check(ccf == n_threads - 1, f"{n_threads - 1} got ConditionalCheckFailedException (got {ccf})")
    item = ddb.get_item(TableName=table, Key={"pk": {"S": "race"}, "sk": {"S": "one"}}, ConsistentRead=True)
    check("Item" in item, "winning item is readable")


def check_dynamodb_transactions(endpoint: str, table: str, n_threads: int = 30, prefill: int = 2000) -> None:
    print("[dynamodb] TransactWriteItems")
    ddb = client(endpoint, "dynamodb", n_threads)

    # 1. plain successful transaction
    ddb.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "a"}},
                     "ConditionExpression": "attribute_not_exists(pk)"}},
            {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "b"}},
                     "ConditionExpression": "attribute_not_exists(pk)"}},
        ]
    )
    got = ddb.query(TableName=table, KeyConditionExpression="pk = :p",
                    ExpressionAttributeValues={":p": {"S": "tx"}})["Items"]
    check(len(got) == 2, f"successful transaction wrote 2 items (got {len(got)})")

    # 2. cancelled transaction: second condition fails -> nothing written, reasons reported
    try:
        ddb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "c"}},
                         "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "a"}},
                         "ConditionExpression": "attribute_not_exists(pk)",
                         "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
            ]
        )
        check(False, "conflicting transaction was cancelled")
    except ClientError as e:
        reasons = [r.get("Code") for r in e.response.get("CancellationReasons", [])]
        print(f"         cancelled: code={err_code(e)} reasons={reasons}")
        check(err_code(e) == "TransactionCanceledException", "conflicting transaction -> TransactionCanceledException")
        check(reasons == ["None", "ConditionalCheckFailed"],
              f"CancellationReasons == ['None', 'ConditionalCheckFailed'] (got {reasons})")
    got = ddb.get_item(TableName=table, Key={"pk": {"S": "tx"}, "sk": {"S": "c"}}, ConsistentRead=True)
    check("Item" not in got, "cancelled transaction left no partial write")

    # 3. concurrency: racing conditional transactions + unrelated plain puts.
    #    moto snapshots (deepcopy) every table in a transaction up front and, when
    #    the transaction is cancelled, *replaces* the table with that snapshot.
    #    Unserialized, any write landing in between is silently lost. Pre-fill
    #    the table so the snapshot is slow and the window is wide.
    print(f"[dynamodb] pre-filling {prefill} filler items")
    for start in range(0, prefill, 25):
        ddb.batch_write_item(RequestItems={table: [
            {"PutRequest": {"Item": {"pk": {"S": "filler"}, "sk": {"S": f"f{j:05d}"}, "pad": {"S": "x" * 200}}}}
            for j in range(start, min(start + 25, prefill))
        ]})
    print(f"[dynamodb] {n_threads} racing TransactWriteItems + {n_threads} concurrent plain puts")
    barrier = threading.Barrier(2 * n_threads)

    def tx(i: int) -> str:
        barrier.wait()
        try:
            ddb.transact_write_items(
                TransactItems=[
                    {"Put": {"TableName": table, "Item": {"pk": {"S": "txrace"}, "sk": {"S": "lock"},
                                                           "owner": {"N": str(i)}},
                             "ConditionExpression": "attribute_not_exists(pk)"}},
                    {"Put": {"TableName": table, "Item": {"pk": {"S": "txrace"}, "sk": {"S": f"owned-{i}"}}}},
                ]
            )
            return "ok"
        except ClientError as e:
            return err_code(e)

    def plain(i: int) -> str:
        barrier.wait()
        ddb.put_item(TableName=table, Item={"pk": {"S": "plain"}, "sk": {"S": f"p{i:03d}"}})
        return "plain"

    with ThreadPoolExecutor(2 * n_threads) as pool:
        futs = [pool.submit(tx, i) for i in range(n_threads)] + [pool.submit(plain, i) for i in range(n_threads)]
        results = [f.result() for f in futs]
    tx_ok = results[:n_threads].count("ok")
    tx_cancel = results[:n_threads].count("TransactionCanceledException")
    plain_items = ddb.query(TableName=table, KeyConditionExpression="pk = :p", ConsistentRead=True,
                            ExpressionAttributeValues={":p": {"S": "plain"}})["Items"]
    race_items = ddb.query(TableName=table, KeyConditionExpression="pk = :p", ConsistentRead=True,
                           ExpressionAttributeValues={":p": {"S": "txrace"}})["Items"]
    print(f"         tx successes={tx_ok} cancelled={tx_cancel}; plain items={len(plain_items)}; "
          f"txrace items={len(race_items)}")
    check(tx_ok == 1, f"exactly one racing transaction succeeded (got {tx_ok})")
    check(tx_cancel == n_threads - 1, f"{n_threads - 1} racing transactions cancelled (got {tx_cancel})")
    check(len(plain_items) == n_threads, f"no concurrent plain put was lost ({len(plain_items)}/{n_threads})")
    check(len(race_items) == 2, f"winner wrote exactly lock + its own item (got {len(race_items)})")


def check_cognito_jwks(endpoint: str) -> None:
    print("[cognito] user pool + JWKS via plain HTTP GET")
    idp = client(endpoint, "cognito-idp")
    pool_id = idp.create_user_pool(PoolName=f"selfcheck-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    check(pool_id.startswith(REGION + "_"), f"user pool id has region prefix ({pool_id})")

    url = f"{endpoint}/{pool_id}/.well-known/jwks.json"
    with urllib.request.urlopen(url, timeout=10) as r:
        status = r.status
        doc = json.loads(r.read().decode())
    keys = doc.get("keys", [])
    print(f"         GET {url} -> {status}, {len(keys)} key(s), kids={[k.get('kid') for k in keys]}")
    check(status == 200 and keys and all(k.get("kty") == "RSA" and k.get("n") for k in keys),
          "JWKS has RSA keys")

    url = f"{endpoint}/{pool_id}/.well-known/openid-configuration"
    with urllib.request.urlopen(url, timeout=10) as r:
        oidc = json.loads(r.read().decode())
    print(f"         openid-configuration issuer={oidc.get('issuer')}")
    check(oidc.get("jwks_uri", "").endswith(f"/{pool_id}/.well-known/jwks.json"),
          "openid-configuration jwks_uri points at the pool")


def check_cognito_signup_codes(endpoint: str) -> None:
    print("[cognito] sign-up codes: generated, checked, expiring, re-sent (signup_codes.py)")
    idp = client(endpoint, "cognito-idp")
    pool_id = idp.create_user_pool(PoolName=f"selfcheck-{uuid.uuid4().hex[:8]}", AutoVerifiedAttributes=["email"],
                                   AdminCreateUserConfig={"AllowAdminCreateUserOnly": False})["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="selfcheck",
                                            PreventUserExistenceErrors="ENABLED")["UserPoolClient"]["ClientId"]
    email = f"selfcheck-{uuid.uuid4().hex[:8]}@example.test"

    def code_of(user: str) -> str | None:
        url = f"{endpoint}/_practicecal/cognito/confirmation-code?userPoolId={pool_id}&email={user}"
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return json.loads(r.read().decode())["code"]
        except urllib.error.HTTPError:
            return None

    def confirm(code: str) -> str:
        try:
            idp.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=code)
            return "ok"
        except ClientError as e:
            return err_code(e)

    idp.sign_up(ClientId=client_id, Username=email, Password="Selfcheck-Passw0rd",
                UserAttributes=[{"Name": "email", "Value": email}])
    first = code_of(email)
    check(first is not None and len(first) == 6 and first.isdigit(), "sign-up issued a 6-digit code")
    wrong = "000000" if first != "000000" else "111111"
    check(confirm(wrong) == "CodeMismatchException", "a wrong code -> CodeMismatchException")
    status = idp.admin_get_user(UserPoolId=pool_id, Username=email)["UserStatus"]
    check(status == "UNCONFIRMED", f"the user stays UNCONFIRMED after a wrong code (got {status})")
    idp.resend_confirmation_code(ClientId=client_id, Username=email)
    second = code_of(email)
    check(second is not None and (second == first or confirm(first) == "CodeMismatchException"),
          "after a resend the first code no longer works")
    urllib.request.urlopen(urllib.request.Request(
        f"{endpoint}/_practicecal/cognito/confirmation-code/expire?userPoolId={pool_id}&email={email}",
        data=b"", method="POST"), timeout=10).read()
    check(confirm(second) == "ExpiredCodeException", "an expired code -> ExpiredCodeException")
    idp.resend_confirmation_code(ClientId=client_id, Username=email)
    check(confirm(code_of(email)) == "ok", "the current code confirms the user")
    user = idp.admin_get_user(UserPoolId=pool_id, Username=email)
    verified = {a["Name"]: a["Value"] for a in user["UserAttributes"]}.get("email_verified")
    check(user["UserStatus"] == "CONFIRMED" and verified == "true", "confirmed with email_verified=true")
    check(confirm("123456") == "NotAuthorizedException", "a confirmed user cannot be confirmed again")
    unknown = f"nobody-{uuid.uuid4().hex[:8]}@example.test"
    try:
        idp.confirm_sign_up(ClientId=client_id, Username=unknown, ConfirmationCode="123456")
        check(False, "an unknown user is refused")
    except ClientError as e:
        check(err_code(e) == "CodeMismatchException", f"unknown user -> CodeMismatchException (got {err_code(e)})")

    admin_only = idp.create_user_pool(PoolName=f"selfcheck-{uuid.uuid4().hex[:8]}",
                                      AdminCreateUserConfig={"AllowAdminCreateUserOnly": True})["UserPool"]["Id"]
    admin_client = idp.create_user_pool_client(UserPoolId=admin_only, ClientName="x")["UserPoolClient"]["ClientId"]
    try:
        idp.sign_up(ClientId=admin_client, Username=email, Password="Selfcheck-Passw0rd")
        check(False, "SignUp refused when only administrators may create users")
    except ClientError as e:
        check(err_code(e) == "NotAuthorizedException", f"admin-only pool refuses SignUp (got {err_code(e)})")


def check_moto_api(endpoint: str) -> None:
    print("[moto-api] GET /moto-api/config")
    with urllib.request.urlopen(endpoint + "/moto-api/config", timeout=10) as r:
        cfg = json.loads(r.read().decode())
    check(isinstance(cfg, dict), "moto-api answers (config is a JSON object)")


def check_reset(endpoint: str, table: str) -> None:
    print("[moto-api] POST /moto-api/reset")
    req = urllib.request.Request(endpoint + "/moto-api/reset", data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=10) as r:
        status = r.status
    tables = client(endpoint, "dynamodb").list_tables()["TableNames"]
    check(status == 200 and table not in tables, f"reset -> {status}, table gone")


# --------------------------------------------------------------------------- main


def run_checks(endpoint: str, owns_server: bool) -> None:
    check_moto_api(endpoint)
    ddb = client(endpoint, "dynamodb")
    table = f"selfcheck-{uuid.uuid4().hex[:8]}"
    ddb.create_table(
        TableName=table,
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                              {"AttributeName": "sk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
    )
    print(f"[dynamodb] created table {table} at {endpoint} ({REGION})")
    check_dynamodb_conditional_put(endpoint, table)
    check_dynamodb_transactions(endpoint, table)
    check_cognito_jwks(endpoint)
    check_cognito_signup_codes(endpoint)
    if owns_server:
        check_reset(endpoint, table)
    else:
        ddb.delete_table(TableName=table)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint", help="check an already running server instead of starting one")
    args = ap.parse_args()

    if args.endpoint:
        endpoint = args.endpoint.rstrip("/")
        if not wait_ready(endpoint, 5):
            print(f"FAIL: nothing answering at {endpoint}")
            return 1
        run_checks(endpoint, owns_server=False)
    else:
        port = free_port()
        endpoint = f"http://127.0.0.1:{port}"
        print(f"starting {HERE / 'moto_server.py'} on port {port}")
        proc = subprocess.Popen([sys.executable, str(HERE / "moto_server.py"), "--port", str(port)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            if not wait_ready(endpoint):
                print("FAIL: launcher did not become ready within 30 s")
                proc.kill()
                print(proc.communicate()[0])
                return 1
            run_checks(endpoint, owns_server=True)
        finally:
            if proc.poll() is None:
                print("[launcher] SIGTERM")
                proc.send_signal(signal.SIGTERM)
                try:
                    out, _ = proc.communicate(timeout=10)
                    check(proc.returncode == 0, f"launcher exited cleanly on SIGTERM (rc={proc.returncode})")
                    noisy = [l for l in out.splitlines() if '" 200 ' in l or "HTTP/1.1" in l]
                    check(not noisy, f"no per-request access log lines ({len(noisy)} found)")
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.communicate()
                    check(False, "launcher exited within 10 s of SIGTERM")

    if failures:
        print(f"\nSELFCHECK FAILED: {len(failures)} check(s) failed")
        for f in failures:
            print(f"  - {f}")
        return 1
    print("\nSELFCHECK PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
