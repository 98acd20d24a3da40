"""People: Vietnamese and Chinese personal names, company brand words and ASCII e-mail addresses."""

from __future__ import annotations

# Three-word brands put one of these before a two-word one.
_BRAND_PREFIXES = ("Tân", "Đại", "Vạn")
# Share of women among the people we meet at customers (owners, accountants, buyers).
_WOMEN = 0.42


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def person(rng, pack, region: str = "north", gender: str | None = None) -> tuple:
    """(full name, surname, given name, gender, ascii given, ascii surname)."""
    if gender is None:
        gender = "female" if rng.random() < _WOMEN else "male"
    if pack.country != "VN":
        (surname, s_rom), (given, g_rom) = pack.surnames.pick(rng), _pick(rng, pack.given)
        return f"{surname}{given}", surname, given, gender, g_rom, s_rom
    surname = pack.surnames[region].pick(rng)
    middle, given = pack.middle[gender].pick(rng), pack.given[gender].pick(rng)
    if given == middle:  # 'Minh Minh' is not a name
        middle = "Văn" if gender == "male" else "Thị"
    if middle == "Thị" and rng.random() < 0.2:
        second = _pick(rng, pack.second_middle)
        if second != given:
            middle = f"Thị {second}"  # Nguyễn Thị Thu Hà
    full = f"{surname} {middle} {given}"
    return full, surname, given, gender, pack.ascii[given], pack.ascii[surname]


def brand(rng, pack, surname: str) -> tuple[str, str]:
    """A company's distinctive words and their ASCII form: 'Đặng Hưng', 'Tân Phát Đạt', '永豐'."""
    if pack.country != "VN":
        first, f_rom = _pick(rng, pack.brand_first)
        second, s_rom = _pick(rng, pack.brand_second)
        if second == first:  # 興興 is no name; 興發 is
            second, s_rom = pack.brand_second[0]
        return first + second, f_rom + s_rom
    first = surname if rng.random() < 0.25 else _pick(rng, pack.brand_first)
    second = _pick(rng, pack.brand_second)
    if second == first:
        second = "Phát" if first != "Phát" else "Đạt"
    words = [first, second]
    if first != surname and rng.random() < 0.15:
        prefix = _pick(rng, _BRAND_PREFIXES)
        if prefix != first:
            words.insert(0, prefix)  # Tân Hưng Thịnh, Đại Minh Phát
    return " ".join(words), "".join(pack.ascii[w] for w in words)


def owner_tag(rng, pack, owner: tuple, region: str) -> str:
    """How a shop is named after its owner: the full name, or in the south 'Tư Hùng'."""
    if pack.country == "VN" and region == "south" and rng.random() < 0.45:
        return f"{_pick(rng, pack.nicknames)} {owner[2]}"
    return owner[0]


def email(rng, pack, who: tuple, domain: str, role_box: str = "") -> str:
    """An ASCII address: personal mail for small shops, the company domain for firms."""
    g_rom, s_rom = who[4], who[5]
    if role_box and domain:
        return f"{role_box}@{domain}"
    if domain and rng.random() < 0.7:
        return f"{g_rom}.{s_rom}@{domain}"
    host = _pick(rng, pack.email_hosts)
    if host == "qq.com":  # QQ mail addresses are the account number
        return f"{int(rng.random() * 9e9) + 10 ** 8}@qq.com"
    return f"{g_rom}{s_rom}{int(rng.random() * 40) + 60}@{host}"


def company_domain(rng, pack, brand_ascii: str, kind: str) -> str:
    """A web domain for companies ('danghung.com.vn'); shops and agents use personal mail."""
    if kind in ("shop", "agent", "private"):
        return ""
    return f"{brand_ascii}.{_pick(rng, pack.email_tlds)}"
