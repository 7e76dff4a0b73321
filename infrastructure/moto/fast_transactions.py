"""DynamoDB TransactWriteItems for the local moto server without whole-table copies.

moto 5.2 backs up every table a transaction touches with ``copy.deepcopy`` -- including
the table's stream shard, which keeps every stream record ever written -- so each
transaction costs time proportional to everything the table (and its stream) has ever
held.  Test suites with a few thousand writes then see transactions take seconds, SDK
calls time out and are retried, and (moto ignoring ClientRequestToken) a retried
transaction that had in fact succeeded fails its own conditions.

This module replaces the method with the same semantics, done the cheap way: items are
checked and written one by one in moto's order (so every result, error and cancellation
reason is moto's own), but instead of a deep copy of every table only the items a
transaction touches are kept; if it is cancelled (or refused with a ValidationException),
those items are restored and the streams cut back to their previous length, so nothing of
it remains -- no items, no stream records.  transactions_difftest.py runs random sequences
against both implementations and requires identical outcomes, items and streams.
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

    # Item by item in moto's order (check, then write), so every outcome -- including a failing
    # update expression after a failed condition -- is moto's own (transactions_difftest.py);
    # what is kept for a rollback is the touched items and the streams' lengths, not whole tables.
    seen: set[tuple[str, str]] = set()
    snapshots: list[tuple[str, dict[str, Any], Any]] = []
    stream_lengths: dict[str, int] = {}
    errors: list[tuple[Any, Any, Any]] = []
    try:
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

                if op_type != "ConditionCheck":
                    table = self.get_table(table_name)
                    if table.stream_shard is not None and table_name not in stream_lengths:
                        stream_lengths[table_name] = len(table.stream_shard.items)
                    snapshots.append(
                        (table_name, key, copy.deepcopy(current.to_json()["Attributes"]) if current else None)
                    )
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
                errors.append((None, None, None))
            except (MultipleTransactionsException, MockValidationException):
                raise
            except ConditionalCheckFailed as e:
                errors.append(("ConditionalCheckFailed", str(e.message), original_item))
            except Exception as e:  # noqa: BLE001 - same catch-all as moto: becomes a cancellation reason
                errors.append((type(e).__name__, str(e), original_item))

        if any(code is not None for code, _, _ in errors):
            raise TransactionCanceledException(errors)
    except Exception:
        _roll_back(self, snapshots, stream_lengths)
        raise


def _roll_back(self: DynamoDBBackend, snapshots: list[tuple[str, dict[str, Any], Any]],
               stream_lengths: dict[str, int]) -> None:
    """Restores the touched items (newest first) and cuts the streams back: as if nothing was written."""
    for table_name, key, original in reversed(snapshots):
        if original is None:
            self.delete_item(table_name, key)
        else:
            self.put_item(table_name, original)
    for table_name, length in stream_lengths.items():
        shard = self.get_table(table_name).stream_shard
        del shard.items[length:]


def install() -> None:
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
