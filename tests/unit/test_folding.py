"""Search folding: case, tones, Đ/đ, Traditional and Simplified Chinese alike, phones as digits."""

from fieldapp.i18n.folding import digits, fold, query_terms, script_language, search_document


def test_vietnamese_tones_and_marks_fold_away():
    assert fold("Nguyễn Thị Hường") == "nguyen thi huong"
    assert fold("QUỐC TUẤN Ánh") == "quoc tuan anh"


def test_d_with_stroke_folds_although_unicode_does_not_decompose_it():
    assert fold("Đặng Đức đạt") == "dang duc dat"


def test_decomposed_input_folds_like_composed():
    assert fold("Nguye\u0302\u0303n") == fold("Nguyễn") == "nguyen"


def test_chinese_folds_to_simplified_and_latin_in_it_lowercased():
    assert fold("台北市永豐五金行 Co.") == "台北市永丰五金行 co."
    assert fold("深圳市华强电子") == "深圳市华强电子"


def test_traditional_and_simplified_forms_of_a_name_fold_alike():
    assert fold("貿易") == fold("贸易") == "贸易"
    assert query_terms("臺灣貿易") == query_terms("台湾贸易")
    assert fold("國際") == fold("国际")


def test_script_language_tells_the_two_chinese_scripts_apart():
    assert script_language("催收員") == "zh_TW"
    assert script_language("催收员") == "zh_CN"
    assert script_language("Nhân viên thu hồi nợ") == "vi"
    assert script_language("Senior collector") == "en"


def test_phone_like_terms_lose_separators():
    assert digits("(028) 3822-1234") == "02838221234"
    assert query_terms("0903-966 Đặng") == ["0903966", "dang"]


def test_query_terms_deduplicate_and_put_longest_first():
    assert query_terms("  le   NGUYEN le ") == ["nguyen", "le"]


def test_search_document_joins_fields_and_phone_digits():
    doc = search_document("Công ty Đặng Hưng", "KH000001", phones=("0903 966 729",))
    assert "cong ty dang hung" in doc and "kh000001" in doc and "0903966729" in doc


import unicodedata  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fieldapp.i18n.folding import fold_slowly  # noqa: E402

VIET = "ĐđÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
ALPHABET = st.sampled_from(list(VIET + VIET.lower() + "abcxyzNGUYEN 0123-+.\t永豐五金行华强电子貿易"))


@given(st.text(ALPHABET, max_size=40))
def test_fast_fold_equals_the_definition(text):
    assert fold(text) == fold_slowly(text)
    decomposed = unicodedata.normalize("NFD", text)
    assert fold(decomposed) == fold_slowly(decomposed)
