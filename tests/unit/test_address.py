"""A customer's address is printed with its district and province once, in the country's order."""

import pytest

from fieldapp.documents import sample
from fieldapp.domain.address import full_address, mentions


@pytest.mark.parametrize("address, district, province, country, printed", [
    # As accounting exports (and the demo data) carry them: the whole address in one field.
    ("93 Nguyễn Hải, Xã Tam An, Huyện Long Thành, Đồng Nai", "Huyện Long Thành", "Đồng Nai", "VN",
     "93 Nguyễn Hải, Xã Tam An, Huyện Long Thành, Đồng Nai"),
    ("235新北市中和區中正路352號12樓", "中和區", "新北市", "TW", "235新北市中和區中正路352號12樓"),
    ("浙江省杭州市西湖区文三路88号5楼", "杭州市西湖区", "浙江省", "CN", "浙江省杭州市西湖区文三路88号5楼"),
    # The street alone: district and province added, in each country's order.
    ("45 Lê Lợi", "Quận 1", "TP. Hồ Chí Minh", "VN", "45 Lê Lợi, Quận 1, TP. Hồ Chí Minh"),
    ("中正路352號12樓", "中和區", "新北市", "TW", "新北市中和區中正路352號12樓"),
    ("文三路88号", "西湖区", "浙江省", "CN", "浙江省西湖区文三路88号"),
    # 'Quận 1' is not said by 'Quận 10'; case and 台/臺 do not matter.
    ("12 Ba Tháng Hai, Quận 10", "Quận 1", "", "VN", "12 Ba Tháng Hai, Quận 10, Quận 1"),
    ("12 Lê Lợi, quận 1, tp. hồ chí minh", "Quận 1", "TP. Hồ Chí Minh", "VN",
     "12 Lê Lợi, quận 1, tp. hồ chí minh"),
    ("台北市大安區復興南路一段1號", "大安區", "臺北市", "TW", "台北市大安區復興南路一段1號"),
    ("", "Quận 1", "TP. Hồ Chí Minh", "VN", "Quận 1, TP. Hồ Chí Minh"),
])
def test_each_part_is_said_once(address, district, province, country, printed):
    assert full_address(address, district, province, country) == printed


def test_mentions_needs_whole_units():
    assert mentions("Số 1 Quận 1", "Quận 1") and not mentions("Số 1 Quận 12", "Quận 1")
    assert mentions("杭州市西湖区", "西湖区")


def test_the_customer_record_prints_through_the_same_rule():
    c = sample.customer("vi")
    assert c.full_address == "45 Lê Lợi, Quận 1, TP. Hồ Chí Minh"
