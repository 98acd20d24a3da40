"""The customer view's header says the address once, with the same rule as the documents."""

from dataclasses import replace

from fieldapp.documents import sample
from fieldapp.ui.views.customer_header import CustomerHeader


def test_the_header_says_district_and_city_once(qtbot):
    header = CustomerHeader()
    qtbot.addWidget(header)
    whole = replace(sample.customer("vi"), address="12 Ba Tháng Hai, Phường 12, Quận 10, TP. Hồ Chí Minh",
                    district="Quận 10", province="TP. Hồ Chí Minh")
    header.set_customer(whole)
    assert header.values["address"].text() == whole.address
    # A street alone gets its district; 'Quận 1' is not already said by 'Quận 10'.
    street = replace(whole, address="5 Lê Lợi, Quận 10", district="Quận 1")
    header.set_customer(street)
    assert header.values["address"].text() == "5 Lê Lợi, Quận 10, Quận 1, TP. Hồ Chí Minh"
