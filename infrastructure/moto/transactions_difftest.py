#!/usr/bin/env python3
"""Differential test: the launcher's TransactWriteItems (fast_transactions.py) against moto's own.

Random, seeded sequences of TransactWriteItems -- puts, condition checks, updates and deletes with
conditions that pass and fail, ALL_OLD on failure, duplicate keys, update expressions that fail on
the item they meet, two tables (hash key only; hash + range key with a stream) -- interleaved with
plain conditional writes, run serially through boto3 against two in-process moto backends (two
regions): one with moto's stock implementation, one with the patched one. After every call the
outcome (success, or error code, message and every cancellation reason with its item) must be the
same; after every sequence the tables' items and their stream records must be the same.

Usage: transactions_difftest.py [--seed N] [--sequences N] [--steps N]
Prints the seed (rerun a failure with --seed) and one PASS/FAIL line; exits 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from typing import Any

os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")
os.environ.pop("AWS_ENDPOINT_URL", None)  # in-process mock, never a server

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402
from moto import mock_aws  # noqa: E402
from moto.dynamodb.models import DynamoDBBackend, dynamodb_backends  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fast_transactions  # noqa: E402

STOCK = DynamoDBBackend.transact_write_items
PATCHED = fast_transactions.transact_write_items
REGIONS = {"stock": "eu-central-1", "patched": "eu-west-1"}
ACCOUNT = "123456789012"
SIMPLE, RANGED = "diff-simple", "diff-ranged"
HASH_KEYS = ["a", "b", "c", "d", "e"]
RANGE_KEYS = ["1", "2", "3"]
NAMES = ["x", "y", "xy", "z"]
TAGS = ["t1", "t2", "t3"]


class Mismatch(AssertionError):
    pass


def random_key(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    if rnd.random() < 0.5:
        return SIMPLE, {"pk": {"S": rnd.choice(HASH_KEYS)}}
    return RANGED, {"pk": {"S": rnd.choice(HASH_KEYS[:3])}, "sk": {"N": rnd.choice(RANGE_KEYS)}}


def passing_condition(rnd: random.Random, current: dict[str, Any] | None) -> dict[str, Any]:
    """A condition that holds for the item as it is now (read before the call), as a careful writer's would."""
    if current is None:
        return {"ConditionExpression": "attribute_not_exists(pk)"}
    if "v" in current and rnd.random() < 0.7:
        return {"ConditionExpression": "#v = :v", "ExpressionAttributeNames": {"#v": "v"},
                "ExpressionAttributeValues": {":v": current["v"]}}
    return {"ConditionExpression": "attribute_exists(pk)"}


def random_condition(rnd: random.Random, current: dict[str, Any] | None = None, read: bool = False) -> dict[str, Any]:
    """A condition expression with its names/values; each passes on some items and fails on others."""
    if read and rnd.random() < 0.6:
        return passing_condition(rnd, current)
    choice = rnd.randrange(12)
    v = {"N": str(rnd.randrange(4))}
    if choice == 0:
        return {"ConditionExpression": "attribute_not_exists(pk)"}
    if choice == 1:
        return {"ConditionExpression": "attribute_exists(pk)"}
    if choice == 2:
        return {"ConditionExpression": "#v = :v", "ExpressionAttributeNames": {"#v": "v"},
                "ExpressionAttributeValues": {":v": v}}
    if choice == 3:
        return {"ConditionExpression": "attribute_not_exists(#v) OR #v < :v",
                "ExpressionAttributeNames": {"#v": "v"}, "ExpressionAttributeValues": {":v": v}}
    if choice == 4:
        return {"ConditionExpression": "begins_with(#n, :p)", "ExpressionAttributeNames": {"#n": "name"},
                "ExpressionAttributeValues": {":p": {"S": rnd.choice(["x", "y", "z"])}}}
    if choice == 5:
        return {"ConditionExpression": "contains(#t, :t)", "ExpressionAttributeNames": {"#t": "tags"},
                "ExpressionAttributeValues": {":t": {"S": rnd.choice(TAGS)}}}
    if choice == 6:
        return {"ConditionExpression": "size(#t) >= :n", "ExpressionAttributeNames": {"#t": "tags"},
                "ExpressionAttributeValues": {":n": {"N": str(rnd.randrange(3))}}}
    if choice == 7:
        return {"ConditionExpression": "#v IN (:a, :b)", "ExpressionAttributeNames": {"#v": "v"},
                "ExpressionAttributeValues": {":a": v, ":b": {"N": str(rnd.randrange(4))}}}
    if choice == 8:
        return {"ConditionExpression": "attribute_exists(cnt) AND cnt BETWEEN :lo AND :hi",
                "ExpressionAttributeValues": {":lo": {"N": "0"}, ":hi": {"N": str(rnd.randrange(10))}}}
    if choice == 9:
        return {"ConditionExpression": "NOT (#n = :s)", "ExpressionAttributeNames": {"#n": "name"},
                "ExpressionAttributeValues": {":s": {"S": rnd.choice(NAMES)}}}
    if choice == 10:
        return {"ConditionExpression": "attribute_type(#n, :t)", "ExpressionAttributeNames": {"#n": "name"},
                "ExpressionAttributeValues": {":t": {"S": rnd.choice(["S", "N"])}}}
    return {}  # no condition


def random_item(rnd: random.Random, key: dict[str, Any]) -> dict[str, Any]:
    item = dict(key)
    if rnd.random() < 0.8:
        item["v"] = {"N": str(rnd.randrange(4))}
    if rnd.random() < 0.7:
        # sometimes a number where others hold a string: later updates meet the "wrong" type
        item["name"] = {"S": rnd.choice(NAMES)} if rnd.random() < 0.85 else {"N": "7"}
    if rnd.random() < 0.5:
        item["tags"] = {"SS": rnd.sample(TAGS, rnd.randint(1, 3))}
    if rnd.random() < 0.4:
        item["cnt"] = {"N": str(rnd.randrange(6))}
    if rnd.random() < 0.3:
        item["m"] = {"M": {"k": {"S": rnd.choice(NAMES)}}}
    return item


def random_update(rnd: random.Random) -> dict[str, Any]:
    """An update expression; some fail on the item they meet (missing operand, wrong type, bad path)."""
    choice = rnd.randrange(10)
    if choice == 0:
        return {"UpdateExpression": "SET #v = if_not_exists(#v, :zero) + :one", "ExpressionAttributeNames": {"#v": "v"},
                "ExpressionAttributeValues": {":zero": {"N": "0"}, ":one": {"N": "1"}}}
    if choice == 1:
        return {"UpdateExpression": "SET #n = :s, cnt = :c", "ExpressionAttributeNames": {"#n": "name"},
                "ExpressionAttributeValues": {":s": {"S": rnd.choice(NAMES)}, ":c": {"N": str(rnd.randrange(6))}}}
    if choice == 2:
        return {"UpdateExpression": "REMOVE #n, m", "ExpressionAttributeNames": {"#n": "name"}}
    if choice == 3:
        return {"UpdateExpression": "ADD cnt :c", "ExpressionAttributeValues": {":c": {"N": str(rnd.randint(-2, 3))}}}
    if choice == 4:
        return {"UpdateExpression": "ADD #t :t", "ExpressionAttributeNames": {"#t": "tags"}, "ExpressionAttributeValues": {":t": {"SS": rnd.sample(TAGS, 1)}}}
    if choice == 5:
        return {"UpdateExpression": "DELETE #t :t", "ExpressionAttributeNames": {"#t": "tags"}, "ExpressionAttributeValues": {":t": {"SS": rnd.sample(TAGS, 1)}}}
    if choice == 6:  # fails where v is missing
        return {"UpdateExpression": "SET #v = #v + :one", "ExpressionAttributeNames": {"#v": "v"},
                "ExpressionAttributeValues": {":one": {"N": "1"}}}
    if choice == 7:  # fails where m is missing
        return {"UpdateExpression": "SET m.k = :s", "ExpressionAttributeValues": {":s": {"S": rnd.choice(NAMES)}}}
    if choice == 8:  # fails where name is a string
        return {"UpdateExpression": "SET #n = #n + :one", "ExpressionAttributeNames": {"#n": "name"},
                "ExpressionAttributeValues": {":one": {"N": "1"}}}
    return {"UpdateExpression": "SET l = list_append(if_not_exists(l, :e), :x)",
            "ExpressionAttributeValues": {":e": {"L": []}, ":x": {"L": [{"S": rnd.choice(NAMES)}]}}}


def merge(op: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Adds a condition's names/values to an operation that may have its own."""
    for field in ("ExpressionAttributeNames", "ExpressionAttributeValues"):
        if field in extra:
            op.setdefault(field, {}).update(extra[field])
    if "ConditionExpression" in extra:
        op["ConditionExpression"] = extra["ConditionExpression"]
    return op


def random_transaction(rnd: random.Random, read) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    used: set[str] = set()
    for _ in range(rnd.randint(1, 4)):
        table, key = random_key(rnd)
        marker = table + repr(sorted(key.items()))
        if marker in used and rnd.random() < 0.9:
            continue  # mostly distinct items; sometimes the same one twice (a ValidationException)
        used.add(marker)
        kind = rnd.choice(["Put", "Update", "Delete", "ConditionCheck"])
        condition = random_condition(rnd, read(table, key), True)
        if kind == "ConditionCheck" and not condition:
            condition = {"ConditionExpression": "attribute_exists(pk)"}
        op: dict[str, Any] = {"TableName": table}
        if kind == "Put":
            op["Item"] = random_item(rnd, key)
        else:
            op["Key"] = key
        if kind == "Update":
            op.update(random_update(rnd))
        merge(op, condition)
        # moto refuses names/values an expression does not use; keep them only where used
        expressions = " ".join(str(op.get(f, "")) for f in ("ConditionExpression", "UpdateExpression"))
        for field in ("ExpressionAttributeNames", "ExpressionAttributeValues"):
            if field in op:
                op[field] = {k: v for k, v in op[field].items() if k in expressions}
                if not op[field]:
                    del op[field]
        if condition and rnd.random() < 0.4:
            op["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
        items.append({kind: op})
    return items


def outcome(call) -> tuple[Any, ...]:
    try:
        call()
        return ("ok",)
    except ClientError as e:
        error = e.response.get("Error", {})
        reasons = e.response.get("CancellationReasons")
        return ("error", error.get("Code"), error.get("Message"), reasons)
    except Exception as e:  # noqa: BLE001 - moto itself failing (e.g. size() of a missing attribute) must match too
        return ("exception", type(e).__name__, str(e))


def stream_records(region: str, table: str) -> list[tuple[Any, ...]]:
    shard = dynamodb_backends[ACCOUNT][region].get_table(table).stream_shard
    if shard is None:
        return []
    records = []
    for record in shard.items:
        data = record.to_json()["dynamodb"]
        records.append((record.to_json()["eventName"], repr(data.get("Keys")), repr(data.get("NewImage")),
                        repr(data.get("OldImage"))))
    return records


def table_items(client, table: str) -> list[str]:
    items = client.scan(TableName=table, ConsistentRead=True)["Items"]
    return sorted(repr(sorted(item.items())) for item in items)


def create_tables(client, fresh: bool) -> None:
    if fresh:
        client.delete_table(TableName=SIMPLE)
        client.delete_table(TableName=RANGED)
    client.create_table(TableName=SIMPLE, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
    client.create_table(TableName=RANGED, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                              {"AttributeName": "sk", "AttributeType": "N"}],
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})


def run(seed: int, sequences: int, steps: int) -> dict[str, int]:
    counts = {"transactions": 0, "succeeded": 0, "cancelled": 0, "other_errors": 0, "plain_writes": 0, "reasons": 0}
    config = Config(retries={"max_attempts": 1})
    with mock_aws():
        clients = {name: boto3.client("dynamodb", region_name=region, config=config) for name, region in REGIONS.items()}
        try:
            for sequence in range(sequences):
                rnd = random.Random(f"{seed}:{sequence}")
                for client in clients.values():  # every sequence starts from new, empty tables and streams
                    create_tables(client, fresh=sequence > 0)
                for step in range(steps):
                    where = f"seed {seed} sequence {sequence} step {step}"
                    if rnd.random() < 0.2:
                        table, key = random_key(rnd)
                        request = merge({"TableName": table, "Item": random_item(rnd, key)}, random_condition(rnd))
                        results = {name: outcome(lambda c=client: c.put_item(**request)) for name, client in clients.items()}
                        counts["plain_writes"] += 1
                    else:
                        def read(table: str, key: dict[str, Any]) -> dict[str, Any] | None:
                            return clients["stock"].get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")

                        transaction = random_transaction(rnd, read)
                        results = {}
                        for name, client in clients.items():
                            DynamoDBBackend.transact_write_items = STOCK if name == "stock" else PATCHED
                            results[name] = outcome(lambda c=client: c.transact_write_items(TransactItems=transaction))
                        counts["transactions"] += 1
                        result = results["stock"]
                        if result[0] == "ok":
                            counts["succeeded"] += 1
                        elif result[1] == "TransactionCanceledException":
                            counts["cancelled"] += 1
                            counts["reasons"] += sum(1 for r in result[3] or [] if r.get("Code") != "None")
                        else:
                            counts["other_errors"] += 1
                        request = transaction
                    if results["stock"] != results["patched"]:
                        raise Mismatch(f"{where}: different outcome\n  request: {request}\n"
                                       f"  stock:   {results['stock']}\n  patched: {results['patched']}")
                for table in (SIMPLE, RANGED):
                    stock, patched = (table_items(clients[n], table) for n in ("stock", "patched"))
                    if stock != patched:
                        raise Mismatch(f"seed {seed} sequence {sequence}: table {table} differs\n"
                                       f"  stock:   {stock}\n  patched: {patched}")
                    stock, patched = (stream_records(REGIONS[n], table) for n in ("stock", "patched"))
                    if stock != patched:
                        first = next(i for i in range(min(len(stock), len(patched)) + 1)
                                     if i >= len(stock) or i >= len(patched) or stock[i] != patched[i])
                        raise Mismatch(f"seed {seed} sequence {sequence}: stream of {table} differs at record {first} "
                                       f"(stock {len(stock)} records, patched {len(patched)})\n"
                                       f"  stock:   {stock[first:first + 1]}\n  patched: {patched[first:first + 1]}")
        finally:
            DynamoDBBackend.transact_write_items = STOCK
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=None, help="seed (default: random, printed)")
    parser.add_argument("--sequences", type=int, default=60)
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    env_seed = os.environ.get("TRANSACTIONS_DIFFTEST_SEED")
    seed = args.seed if args.seed is not None else int(env_seed) if env_seed else random.SystemRandom().randrange(10**9)
    print(f"transactions difftest: seed {seed}, {args.sequences} sequences x {args.steps} steps "
          f"(stock moto vs fast_transactions)", flush=True)
    started = time.monotonic()
    try:
        counts = run(seed, args.sequences, args.steps)
    except Mismatch as e:
        print(f"transactions difftest FAIL: {e}\nrerun: python {sys.argv[0]} --seed {seed}", flush=True)
        return 1
    print(f"transactions difftest PASS: seed {seed}, {counts['transactions']} transactions "
          f"({counts['succeeded']} succeeded, {counts['cancelled']} cancelled with {counts['reasons']} failed items, "
          f"{counts['other_errors']} refused), {counts['plain_writes']} plain writes, "
          f"{time.monotonic() - started:.1f} s; results, cancellation reasons, items and streams identical", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
