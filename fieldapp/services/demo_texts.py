"""What collectors write in the demo's past visits, in each customer's language."""

from __future__ import annotations

TEXTS = {
    "vi": {"objective": "Thu hồi công nợ quá hạn và chốt lịch thanh toán cụ thể",
           "notes": "Khách hàng cho biết doanh thu tháng này giảm, xin lùi thời hạn.",
           "dispute": "Một phần lô hàng bị ướt, bao bì rách.",
           "resolution": "Đổi lại hàng hỏng rồi mới thanh toán.",
           "refusal": "Khách hàng không thừa nhận số dư, yêu cầu đối chiếu lại.",
           "absent": "Cửa hàng đóng cửa, hàng xóm cho biết chủ đi vắng.",
           "owner": "Chủ cửa hàng", "representative": "Đại diện",
           "collector_title": "Nhân viên thu hồi nợ"},
    "zh_TW": {"objective": "催收逾期貨款並確定具體付款日期",
              "notes": "客戶表示本月營業額下降，希望延後付款。",
              "dispute": "部分貨物受潮，包裝破損。",
              "resolution": "先更換損壞的貨物，再付款。",
              "refusal": "客戶不承認餘額，要求重新對帳。",
              "absent": "店鋪關門，鄰居說老闆外出。",
              "owner": "店主", "representative": "代表", "collector_title": "催收專員"},
    "zh_CN": {"objective": "催收逾期货款并确定具体付款日期",
              "notes": "客户表示本月营业额下降，希望延后付款。",
              "dispute": "部分货物受潮，包装破损。",
              "resolution": "先更换损坏的货物，再付款。",
              "refusal": "客户不承认余额，要求重新对账。",
              "absent": "店铺关门，邻居说老板外出。",
              "owner": "店主", "representative": "代表", "collector_title": "催收专员"},
}


def text(language: str, key: str) -> str:
    """A demo phrase in ``language`` (Vietnamese for any other)."""
    return TEXTS.get(language, TEXTS["vi"])[key]
