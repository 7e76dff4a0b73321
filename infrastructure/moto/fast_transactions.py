"""DynamoDB TransactWriteItems for the local moto server without whole-table copies.

moto 5.2 backs up every table a transaction touches with ``copy.deepcopy`` -- including
the table's stream shard, which keeps every stream record ever written -- so each
transaction costs time proportional to everything the table (and its stream) has ever
held.  Test suites with a few thousand writes then see transactions take seconds, SDK
calls time out and are retried, and (moto ignoring ClientRequestToken) a retried
transaction that had in fact succeeded fails its own conditions.

This module replaces the method with the same semantics, done the cheap way:
1. check every item's condition first (the launcher serializes requests, and an item
   may appear only once per transaction, so checking before writing sees exactly what
   the original sequential check saw);
2. if any condition fails, raise TransactionCanceledException with one reason per item,
   in order, exactly like moto -- having written nothing, so no stream records appear;
3. otherwise apply the writes; should one fail unexpectedly (a bad update expression),
   restore the touched items and cut the streams back to their previous length.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.dynamodb.exceptions import (
    ConditionalCheckFailed,
    MockValidationException,
    MultipleTransactionsException,
    TooManyTransactionsException,
    TransactionCanceledException,
    TransactWriteSingleOpException,
)
from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.models import DynamoDBBackend


def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    if len(transact_items) > 100:
        raise TooManyTransactionsException()

    seen: set[tuple[str, str]] = set()
    planned: list[tuple[str, dict[str, Any], str, dict[str, Any]]] = []
    errors: list[tuple[Any, Any, Any]] = []
    for item in transact_items:
        if len(list(item.keys())) > 1:
            raise TransactWriteSingleOpException
        original_item = None
        try:
            op_type, op = next(iter(item.items()))
            if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                raise ValueError("Unsupported transaction operation")
            table_name = op["TableName"]
            if op_type == "Put":
                attrs = op["Item"]
                table = self.get_table(table_name)
                key = {table.hash_key_attr: attrs[table.hash_key_attr]}
                if table.range_key_attr is not None:
                    key[table.range_key_attr] = attrs[table.range_key_attr]
            else:
                key = op["Key"]
            marker = (str(table_name), str(dict(sorted(key.items()))))
            if marker in seen:
                raise MultipleTransactionsException()
            seen.add(marker)

            current = self.get_item(table_name, key)
            condition = op.get("ConditionExpression")
            if condition is not None:
                check = get_filter_expression(
                    condition, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
                )
                if not check.expr(current):
                    if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                        original_item = current.to_json()["Attributes"]
                    raise ConditionalCheckFailed(item=original_item)
            planned.append((op_type, op, table_name, key))
            errors.append((None, None, None))
        except (MultipleTransactionsException, MockValidationException):
            raise
        except ConditionalCheckFailed as e:
            errors.append(("ConditionalCheckFailed", str(e.message), original_item))
        except Exception as e:  # noqa: BLE001 - same catch-all as moto: becomes a cancellation reason
            errors.append((type(e).__name__, str(e), original_item))

    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)

    snapshots: list[tuple[str, dict[str, Any], Any]] = []
    stream_lengths: dict[str, int] = {}
    try:
        for op_type, op, table_name, key in planned:
            table = self.get_table(table_name)
            if table.stream_shard is not None and table_name not in stream_lengths:
                stream_lengths[table_name] = len(table.stream_shard.items)
            before = self.get_item(table_name, key)
            snapshots.append((table_name, key, copy.deepcopy(before.to_json()["Attributes"]) if before else None))
            if op_type == "Put":
                self.put_item(table_name, op["Item"])
            elif op_type == "Delete":
                self.delete_item(table_name, key)
            elif op_type == "Update":
                self.update_item(
                    table_name,
                    key,
                    update_expression=op["UpdateExpression"],
                    expression_attribute_names=op.get("ExpressionAttributeNames"),
                    expression_attribute_values=op.get("ExpressionAttributeValues"),
                )
    except Exception:
        for table_name, key, original in reversed(snapshots):
            if original is None:
                self.delete_item(table_name, key)
            else:
                self.put_item(table_name, original)
        for table_name, length in stream_lengths.items():
            shard = self.get_table(table_name).stream_shard
            del shard.items[length:]
        raise


def install() -> None:
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
