"""Words of the route sheet and the stops' default objectives, in the four document languages."""

# Light (no ReportLab): the routes service fills a suggested stop's objective from here, in the
# collector's language, since the collector reads it on the laptop and on paper.

from __future__ import annotations

from ..domain.checklist import localized
from ..domain.routes import Objective

_W = {
    "route_sheet": {"en": "Route sheet", "vi": "Lộ trình thu hồi công nợ",
                    "zh_TW": "催收路線表", "zh_CN": "催收路线表"},
    "collector": {"en": "Collector", "vi": "Nhân viên thu hồi nợ", "zh_TW": "催收員",
                  "zh_CN": "催收员"},
    "day": {"en": "Day", "vi": "Ngày", "zh_TW": "日期", "zh_CN": "日期"},
    "stops": {"en": "Stops", "vi": "Số điểm đến", "zh_TW": "拜訪數", "zh_CN": "拜访数"},
    "no": {"en": "No.", "vi": "STT", "zh_TW": "序號", "zh_CN": "序号"},
    "time": {"en": "Time", "vi": "Giờ", "zh_TW": "時間", "zh_CN": "时间"},
    "customer": {"en": "Customer", "vi": "Khách hàng", "zh_TW": "客戶", "zh_CN": "客户"},
    "overdue": {"en": "Overdue", "vi": "Nợ quá hạn", "zh_TW": "逾期金額", "zh_CN": "逾期金额"},
    "days_late": {"en": "Days late", "vi": "Ngày quá hạn", "zh_TW": "逾期天數",
                  "zh_CN": "逾期天数"},
    "objective": {"en": "Objective", "vi": "Mục tiêu", "zh_TW": "拜訪目的", "zh_CN": "拜访目的"},
    "notes": {"en": "Notes / signature", "vi": "Ghi chú / chữ ký", "zh_TW": "備註／簽名",
              "zh_CN": "备注／签名"},
    "total": {"en": "Total overdue", "vi": "Tổng nợ quá hạn", "zh_TW": "逾期合計",
              "zh_CN": "逾期合计"},
    "none": {"en": "No stops are planned for this day.",
             "vi": "Không có điểm đến nào được lên lịch trong ngày này.",
             "zh_TW": "本日沒有安排拜訪。", "zh_CN": "本日没有安排拜访。"},
    "working_paper": {"en": "Working paper for the day's visits; not signed. The visit records "
                            "made on the laptop are the evidence.",
                      "vi": "Tài liệu làm việc trong ngày, không ký. Biên bản lập trên máy "
                            "tính xách tay mới là chứng từ.",
                      "zh_TW": "當日拜訪工作用表，無須簽章；以筆電上製作的拜訪記錄為憑。",
                      "zh_CN": "当日拜访工作用表，无须签章；以笔记本电脑上制作的拜访记录为凭。"},
    Objective.COLLECT_PROMISE.value: {
        "en": "Collect the promised payment", "vi": "Thu khoản tiền khách đã hứa trả",
        "zh_TW": "收取客戶承諾的款項", "zh_CN": "收取客户承诺的款项"},
    Objective.REVISIT.value: {
        "en": "Revisit as agreed", "vi": "Quay lại làm việc theo hẹn",
        "zh_TW": "依約再次拜訪", "zh_CN": "依约再次拜访"},
    Objective.SETTLE_DISPUTE.value: {
        "en": "Settle the open dispute", "vi": "Giải quyết khiếu nại đang mở",
        "zh_TW": "處理未結爭議", "zh_CN": "处理未结争议"},
    Objective.COLLECT_OVERDUE.value: {
        "en": "Collect the overdue balance", "vi": "Thu hồi công nợ quá hạn",
        "zh_TW": "催收逾期款項", "zh_CN": "催收逾期款项"},
}


def word(key: str, language: str) -> str:
    """The phrase ``key`` in ``language`` (English if missing)."""
    return localized(_W[key], language)


def objective_text(objective: Objective, language: str) -> str:
    return word(objective.value, language)
