"""Tax identifiers with real check digits: Vietnamese MST, Taiwanese 統一編號, mainland USCC."""

from __future__ import annotations

# A bijection of the serial onto 7 digits: unique codes per customer without a lookup table.
_SPREAD = 3_967_129
_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_BAN_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # GB 11714 values letters A=10 … Z=35


def _body(serial: int, salt: int, width: int = 7) -> str:
    return f"{(serial * _SPREAD + salt) % 10 ** width:0{width}d}"


def vn_mst(province_code: str, serial: int, salt: int) -> str:
    """A 10-digit mã số thuế: province code, serial, check digit (which may never be 10)."""
    while True:
        digits = province_code + _body(serial, salt)
        total = sum(int(d) * w for d, w in zip(digits, _MST_WEIGHTS))
        check = 10 - total % 11
        if 0 <= check <= 9:
            return digits + str(check)
        salt += 1  # serials whose check would be 10 are never issued


def tw_ban(serial: int, salt: int) -> str:
    """An 8-digit 統一編號 whose weighted digit sum is a multiple of 10 (valid by both rules)."""
    body = _body(serial, salt)
    if body[6] == "7":  # the 7th digit 7 has a special rule; stay clear of it
        body = body[:6] + "8"
    partial = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(body, _BAN_WEIGHTS))
    return body + str((10 - partial % 10) % 10)


def _org_code(serial: int, salt: int) -> str:
    """A 9-character organization code (GB 11714): 8 characters and a mod-11 check."""
    body = "MA" + _body(serial, salt, 6)
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(body, _ORG_WEIGHTS))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def cn_uscc(region_code: str, serial: int, salt: int) -> str:
    """An 18-character 统一社会信用代码 of a company (type 91) with its mod-31 check character."""
    body = "91" + region_code + _org_code(serial, salt)
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_CHARS[(31 - total % 31) % 31]
