"""Database faults as the one Japanese line an operator reads (``ledger.md``, faults).

The driver's own text decides which fault it is (SQLite and psycopg give
stable English phrases); the message names the ledger without its password
and says what to do. Anything unrecognised still gets one line, with the
driver's error class so that support can tell what happened.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from .location import LedgerLocation

_SQLITE = (
    ("readonly database", "発行台帳のファイル {label} は読み取り専用のため記録できません。ファイルの書き込み権限を確認してください。"),
    ("database or disk is full", "ディスクに空きがないため発行台帳 {label} に記録できません。空きを作ってからやり直してください。"),
    ("file is not a database", "発行台帳のファイル {label} が壊れているか、台帳ではありません。バックアップから戻すか、別のファイルを指定してください。"),
    ("database disk image is malformed", "発行台帳のファイル {label} が壊れています。バックアップから戻してください。"),
    ("unable to open database file", "発行台帳のファイル {label} を開けません。フォルダがあるか、書き込めるかを確認してください。"),
    ("database is locked", "発行台帳 {label} を別のアプリが長く使っているため記録できません。しばらくしてからやり直してください。"),
    ("no such table", "発行台帳のファイル {label} に台帳の表が見つかりません。ファイルが壊れているか、台帳ではありません。バックアップから戻してください。"),
    ("disk i/o error", "発行台帳のファイル {label} の読み書きに失敗しました（ディスクの障害か容量不足）。"),
)
_POSTGRES = (
    ("password authentication failed", "発行台帳のサーバー {label} に接続できません: ユーザー名またはパスワードが違います。"),
    ("no password supplied", "発行台帳のサーバー {label} に接続できません: パスワードが必要です。URL か PGPASSWORD / .pgpass で指定してください。"),
    ('relation "', "発行台帳のサーバー {label} に台帳の表が見つかりません。台帳が壊れているか、別のデータベースを指しています。"),
    ("does not exist", "発行台帳のサーバー {label} に接続できません: データベースまたはユーザーがありません。"),
    ("connection refused", "発行台帳のサーバー {label} に接続できません（接続を拒否されました）。サーバーが動いているか、アドレスとポートを確認してください。"),
    ("timeout expired", "発行台帳のサーバー {label} に接続できません（応答がありません）。ネットワークとサーバーを確認してください。"),
    ("could not translate host name", "発行台帳のサーバー {label} が見つかりません。ホスト名を確認してください。"),
    ("no such file or directory", "発行台帳のサーバー {label} に接続できません（ソケットがありません）。サーバーが動いているか確認してください。"),
    ("permission denied", "発行台帳 {label} を使う権限がありません。データベースの権限を確認してください。"),
    ("could not extend file", "発行台帳のサーバー {label} のディスクに空きがないため記録できません。"),
    ("no space left", "発行台帳のサーバー {label} のディスクに空きがないため記録できません。"),
    ("read-only", "発行台帳のサーバー {label} は読み取り専用のため記録できません。"),
    ("server closed the connection", "発行台帳のサーバー {label} との接続が切れました。やり直してください。"),
    ("connection", "発行台帳のサーバー {label} に接続できません。サーバーとネットワークを確認してください。"),
)


def fault_message(exc: SQLAlchemyError | Exception, location: LedgerLocation) -> str:
    """The message of a fault: SQLAlchemy's (the driver's error in ``orig``) or the driver's own."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    for phrase, message in _SQLITE if location.is_sqlite else _POSTGRES:
        if phrase in text:
            return message.format(label=location.label)
    kind = type(getattr(exc, "orig", None) or exc).__name__
    return f"発行台帳 {location.label} の読み書きに失敗しました（{kind}）。台帳は変更していません。"
