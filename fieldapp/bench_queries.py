"""The fixed query list of `fieldapp bench`: what collectors type, keystroke by keystroke."""

# Prefixes as typed (search runs on every keystroke), unaccented Vietnamese, codes,
# phone fragments and Chinese substrings, including one-character ones.
QUERIES = (
    "n", "ng", "ngu", "nguy", "nguye", "nguyen",
    "d", "da", "dan", "dang",
    "tran", "le thi", "pham van", "hoang", "huynh", "vu", "do", "bui duc", "ngo", "duong",
    "huong", "thuy", "minh", "tuan", "quoc", "phuong", "hung", "dung",
    "cong ty", "tnhh", "co phan", "cua hang", "dai ly", "vat lieu", "thuong mai", "xay dung",
    "kh00", "kh0001", "kh00123", "kh09999", "KH050000",
    "0903", "0912 3", "028", "0236", "9876", "03", "0988 12",
    "03012", "0101",
    "華", "电", "五金", "有限公司", "電子", "贸易", "台北", "深圳市", "永豐",
    "zzzz", "qxw",
)
