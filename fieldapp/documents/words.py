"""Fixed wording of the documents in the four document languages (outcome labels live in i18n)."""

from __future__ import annotations

from ..domain.checklist import localized

# One entry per phrase: {language: text}. Legal wording stays close to what collectors in each
# market print today (Vietnamese "biên bản", Taiwanese "協議書", mainland "对账单").
_W = {
    "visit_record": {"en": "Visit record", "vi": "Biên bản làm việc thu hồi công nợ", "zh_TW": "催收拜訪記錄", "zh_CN": "催收拜访记录"},
    "call_record": {"en": "Call record", "vi": "Biên bản cuộc gọi thu hồi công nợ", "zh_TW": "催收電話記錄", "zh_CN": "催收电话记录"},
    "agreement": {"en": "Installment payment agreement", "vi": "Thỏa thuận thanh toán trả góp", "zh_TW": "分期付款協議書", "zh_CN": "分期付款协议书"},
    "receipt": {"en": "Receipt", "vi": "Biên nhận thu tiền", "zh_TW": "收款收據", "zh_CN": "收款收据"},
    "statement": {"en": "Statement of account", "vi": "Bảng đối chiếu công nợ", "zh_TW": "對帳單", "zh_CN": "对账单"},
    "tax_code": {"en": "Tax code", "vi": "Mã số thuế", "zh_TW": "統一編號", "zh_CN": "纳税人识别号"},
    "phone": {"en": "Phone", "vi": "Điện thoại", "zh_TW": "電話", "zh_CN": "电话"},
    "address": {"en": "Address", "vi": "Địa chỉ", "zh_TW": "地址", "zh_CN": "地址"},
    "record_no": {"en": "Record no.", "vi": "Số biên bản", "zh_TW": "記錄編號", "zh_CN": "记录编号"},
    "revision": {"en": "Revision", "vi": "Phiên bản", "zh_TW": "版次", "zh_CN": "版次"},
    "started_at": {"en": "Date and time", "vi": "Ngày giờ làm việc", "zh_TW": "日期時間", "zh_CN": "日期时间"},
    "finalized_at": {"en": "Finalized", "vi": "Hoàn tất lúc", "zh_TW": "完成時間", "zh_CN": "完成时间"},
    "collector": {"en": "Collector", "vi": "Nhân viên thu hồi nợ", "zh_TW": "催收員", "zh_CN": "催收员"},
    "device": {"en": "Device", "vi": "Thiết bị", "zh_TW": "裝置", "zh_CN": "设备"},
    "customer": {"en": "Customer", "vi": "Khách hàng", "zh_TW": "客戶", "zh_CN": "客户"},
    "customer_code": {"en": "Customer code", "vi": "Mã khách hàng", "zh_TW": "客戶編號", "zh_CN": "客户编号"},
    "person_met": {"en": "Person met", "vi": "Người làm việc", "zh_TW": "會面對象", "zh_CN": "会面对象"},
    "person_spoken_to": {"en": "Person spoken to", "vi": "Người nghe máy", "zh_TW": "通話對象", "zh_CN": "通话对象"},
    "absent": {"en": "Customer absent / premises closed: nobody was met", "vi": "Không gặp khách hàng / cửa hàng đóng cửa: không làm việc được với ai", "zh_TW": "客戶不在／店鋪關閉：未能會面", "zh_CN": "客户不在／店铺关闭：未能会面"},
    "absent_signed": {"en": "The customer was absent: this record is signed by the collector only.", "vi": "Không gặp khách hàng: biên bản này chỉ có chữ ký của nhân viên thu hồi nợ.", "zh_TW": "客戶不在：本記錄僅由催收員簽名。", "zh_CN": "客户不在：本记录仅由催收员签名。"},
    "call_confirm": {"en": "Record of a telephone call; not signed by the customer.", "vi": "Biên bản ghi nhận cuộc gọi điện thoại; khách hàng không ký.", "zh_TW": "電話通話記錄，客戶未簽名。", "zh_CN": "电话通话记录，客户未签名。"},
    "can_pay": {"en": "has authority to pay", "vi": "có thẩm quyền thanh toán", "zh_TW": "有付款決定權", "zh_CN": "有付款决定权"},
    "invoices_reviewed": {"en": "Invoices reviewed", "vi": "Các hóa đơn đã đối chiếu", "zh_TW": "已核對的發票", "zh_CN": "已核对的发票"},
    "invoice_no": {"en": "Invoice", "vi": "Số hóa đơn", "zh_TW": "發票號碼", "zh_CN": "发票号码"},
    "issued_on": {"en": "Issued", "vi": "Ngày lập", "zh_TW": "開立日期", "zh_CN": "开票日期"},
    "due_on": {"en": "Due", "vi": "Hạn thanh toán", "zh_TW": "到期日", "zh_CN": "到期日"},
    "days_late": {"en": "Days late", "vi": "Ngày quá hạn", "zh_TW": "逾期天數", "zh_CN": "逾期天数"},
    "aging": {"en": "Aging", "vi": "Tuổi nợ", "zh_TW": "帳齡", "zh_CN": "账龄"},
    "over_balance": {"en": "Amounts above the open balance confirmed by the collector. Reason", "vi": "Nhân viên thu hồi nợ xác nhận số tiền vượt số dư còn nợ. Lý do", "zh_TW": "催收員確認金額超過未付餘額。原因", "zh_CN": "催收员确认金额超过未付余额。原因"},
    "open_balance": {"en": "Open balance", "vi": "Số dư còn nợ", "zh_TW": "未付餘額", "zh_CN": "未付余额"},
    "amount": {"en": "Amount", "vi": "Số tiền", "zh_TW": "金額", "zh_CN": "金额"},
    "total": {"en": "Total", "vi": "Tổng cộng", "zh_TW": "合計", "zh_CN": "合计"},
    "outcomes": {"en": "Outcomes", "vi": "Kết quả làm việc", "zh_TW": "拜訪結果", "zh_CN": "拜访结果"},
    "schedule": {"en": "Payment schedule", "vi": "Lịch thanh toán", "zh_TW": "付款時間表", "zh_CN": "付款时间表"},
    "no": {"en": "No.", "vi": "STT", "zh_TW": "序號", "zh_CN": "序号"},
    "history": {"en": "Amendment history", "vi": "Lịch sử sửa đổi", "zh_TW": "修訂記錄", "zh_CN": "修订记录"},
    "original": {"en": "Original record", "vi": "Biên bản gốc", "zh_TW": "原始記錄", "zh_CN": "原始记录"},
    "this_revision": {"en": "(this document)", "vi": "(văn bản này)", "zh_TW": "（本文件）", "zh_CN": "（本文件）"},
    "signatures": {"en": "Signatures", "vi": "Chữ ký", "zh_TW": "簽名", "zh_CN": "签名"},
    "customer_rep": {"en": "Customer representative", "vi": "Đại diện khách hàng", "zh_TW": "客戶代表", "zh_CN": "客户代表"},
    "confirm": {"en": "Both parties have read this record and confirm its content.", "vi": "Hai bên đã cùng đọc lại biên bản và xác nhận nội dung trên là đúng.", "zh_TW": "雙方已閱讀本記錄並確認內容屬實。", "zh_CN": "双方已阅读本记录并确认内容属实。"},
    "not_signed": {"en": "(not signed)", "vi": "(chưa ký)", "zh_TW": "（未簽名）", "zh_CN": "（未签名）"},
    "record_id": {"en": "Record id", "vi": "Mã định danh", "zh_TW": "記錄識別碼", "zh_CN": "记录识别码"},
    "signed_by": {"en": "Electronically signed (PAdES) by {signer}.", "vi": "Văn bản được ký số (PAdES) bởi {signer}.", "zh_TW": "本文件已由 {signer} 電子簽章（PAdES）。", "zh_CN": "本文件已由 {signer} 电子签名（PAdES）。"},
    "development": {"en": "DEVELOPMENT certificate: not company evidence", "vi": "Chứng thư THỬ NGHIỆM: không có giá trị chứng cứ", "zh_TW": "開發測試憑證：非公司正式證據", "zh_CN": "开发测试证书：非公司正式证据"},
    "qr_hint": {"en": "The QR code holds the record id and the SHA-256 of the signed record data.", "vi": "Mã QR chứa mã định danh và giá trị SHA-256 của dữ liệu biên bản đã ký.", "zh_TW": "QR 碼包含記錄識別碼及已簽署記錄資料的 SHA-256。", "zh_CN": "二维码包含记录识别码及已签署记录数据的 SHA-256。"},
    "page": {"en": "Page {n} of {total}", "vi": "Trang {n}/{total}", "zh_TW": "第 {n} 頁，共 {total} 頁", "zh_CN": "第 {n} 页，共 {total} 页"},
    "party_a": {"en": "Party A (creditor)", "vi": "Bên A (bên cho nợ)", "zh_TW": "甲方（債權人）", "zh_CN": "甲方（债权人）"},
    "party_b": {"en": "Party B (debtor)", "vi": "Bên B (bên nợ)", "zh_TW": "乙方（債務人）", "zh_CN": "乙方（债务人）"},
    "represented_by": {"en": "Represented by", "vi": "Đại diện", "zh_TW": "代表人", "zh_CN": "代表人"},
    "agreement_no": {"en": "Agreement no.", "vi": "Số thỏa thuận", "zh_TW": "協議編號", "zh_CN": "协议编号"},
    "made_on": {"en": "Date", "vi": "Ngày lập", "zh_TW": "簽訂日期", "zh_CN": "签订日期"},
    "art_debt": {"en": "1. Acknowledged debt", "vi": "Điều 1. Xác nhận công nợ", "zh_TW": "第一條　確認債務", "zh_CN": "第一条　确认债务"},
    "debt_text": {"en": "Party B acknowledges that on {date} it owes Party A {amount} for the invoices below.", "vi": "Bên B xác nhận tính đến ngày {date} còn nợ Bên A số tiền {amount} theo các hóa đơn dưới đây.", "zh_TW": "乙方確認截至 {date} 尚欠甲方 {amount}，明細如下列發票。", "zh_CN": "乙方确认截至 {date} 尚欠甲方 {amount}，明细如下列发票。"},
    "art_schedule": {"en": "2. Payment schedule", "vi": "Điều 2. Lịch thanh toán", "zh_TW": "第二條　付款時間表", "zh_CN": "第二条　付款时间表"},
    "schedule_text": {"en": "Party B pays each amount below on or before its date ({frequency}).", "vi": "Bên B thanh toán từng khoản dưới đây chậm nhất vào ngày tương ứng ({frequency}).", "zh_TW": "乙方應於下表所列日期或之前支付各期款項（{frequency}）。", "zh_CN": "乙方应于下表所列日期或之前支付各期款项（{frequency}）。"},
    "art_discount": {"en": "3. Early-payment discount", "vi": "Điều 3. Chiết khấu thanh toán sớm", "zh_TW": "第三條　提前付款折扣", "zh_CN": "第三条　提前付款折扣"},
    "discount_text": {"en": "If Party B pays the whole amount by {date}, Party A grants a discount of {pct}: {amount} then settles the debt in full.", "vi": "Nếu Bên B thanh toán toàn bộ trước ngày {date}, Bên A chiết khấu {pct}: khi đó Bên B chỉ cần thanh toán {amount} để tất toán.", "zh_TW": "若乙方於 {date} 前付清全部款項，甲方給予 {pct} 折扣，乙方支付 {amount} 即全部結清。", "zh_CN": "若乙方于 {date} 前付清全部款项，甲方给予 {pct} 折扣，乙方支付 {amount} 即全部结清。"},
    "no_discount": {"en": "No early-payment discount is agreed.", "vi": "Không áp dụng chiết khấu thanh toán sớm.", "zh_TW": "本協議不適用提前付款折扣。", "zh_CN": "本协议不适用提前付款折扣。"},
    "art_default": {"en": "4. Default", "vi": "Điều 4. Vi phạm nghĩa vụ thanh toán", "zh_TW": "第四條　違約", "zh_CN": "第四条　违约"},
    "art_general": {"en": "5. General provisions", "vi": "Điều 5. Điều khoản chung", "zh_TW": "第五條　一般條款", "zh_CN": "第五条　一般条款"},
    "general_text": {"en": "This agreement belongs to visit record {record}. It is made in two copies of equal value, one for each party, and takes effect when both parties have signed.", "vi": "Thỏa thuận này thuộc biên bản {record}, được lập thành hai bản có giá trị như nhau, mỗi bên giữ một bản, có hiệu lực khi hai bên cùng ký.", "zh_TW": "本協議屬於記錄 {record}，一式兩份，雙方各執一份，具同等效力，自雙方簽署之日起生效。", "zh_CN": "本协议属于记录 {record}，一式两份，双方各执一份，具同等效力，自双方签署之日起生效。"},
    "wet_hint": {"en": "(signature, full name, seal)", "vi": "(Ký, ghi rõ họ tên, đóng dấu)", "zh_TW": "（簽名、姓名、蓋章）", "zh_CN": "（签名、姓名、盖章）"},
    "received_from": {"en": "Received from", "vi": "Đã nhận của", "zh_TW": "茲收到", "zh_CN": "兹收到"},
    "paid_by": {"en": "Paid by", "vi": "Người nộp tiền", "zh_TW": "付款人", "zh_CN": "付款人"},
    "received_by": {"en": "Received by", "vi": "Người thu tiền", "zh_TW": "收款人", "zh_CN": "收款人"},
    "in_words": {"en": "In words", "vi": "Bằng chữ", "zh_TW": "金額大寫", "zh_CN": "金额大写"},
    "disputed_note": {"en": "* Invoice under dispute: the customer has raised a claim on it, and it stays in the balance until the claim is settled. Under dispute: {amount}.", "vi": "* Hóa đơn đang khiếu nại: khách hàng đã có khiếu nại về hóa đơn này; hóa đơn vẫn nằm trong số dư cho đến khi khiếu nại được giải quyết. Số tiền đang khiếu nại: {amount}.", "zh_TW": "* 爭議中的發票：客戶已對該發票提出爭議，爭議解決前仍列入餘額。爭議金額：{amount}。", "zh_CN": "* 争议中的发票：客户已对该发票提出争议，争议解决前仍列入余额。争议金额：{amount}。"},
    "aging_note": {"en": "By due date, as of {date}.", "vi": "Theo hạn thanh toán, tính đến ngày {date}.", "zh_TW": "依到期日計算，截至 {date}。", "zh_CN": "按到期日计算，截至 {date}。"},
    "receipt_note": {"en": "This receipt confirms money taken on site; the office matches it against the accounts.", "vi": "Biên nhận này xác nhận số tiền đã thu tại chỗ; công ty sẽ đối chiếu và ghi nhận vào sổ sách.", "zh_TW": "本收據證明現場收款，公司將與帳務核對入帳。", "zh_CN": "本收据证明现场收款，公司将与账务核对入账。"},
    "as_of": {"en": "As of", "vi": "Tính đến ngày", "zh_TW": "截至", "zh_CN": "截至"},
    "statement_no": {"en": "Statement no.", "vi": "Số", "zh_TW": "對帳單編號", "zh_CN": "对账单编号"},
    "open_invoices": {"en": "Open invoices", "vi": "Hóa đơn còn nợ", "zh_TW": "未結發票", "zh_CN": "未结发票"},
    "payments": {"en": "Payments received", "vi": "Các khoản đã thanh toán", "zh_TW": "已收款項", "zh_CN": "已收款项"},
    "date": {"en": "Date", "vi": "Ngày", "zh_TW": "日期", "zh_CN": "日期"},
    "aging_summary": {"en": "Aging of the balance", "vi": "Phân tích tuổi nợ", "zh_TW": "帳齡分析", "zh_CN": "账龄分析"},
    "currency": {"en": "Currency", "vi": "Loại tiền", "zh_TW": "幣別", "zh_CN": "币种"},
    "statement_note": {"en": "Please check this statement and tell us of any difference within 7 days; after that it is taken as confirmed.", "vi": "Đề nghị Quý khách kiểm tra và phản hồi sai lệch (nếu có) trong vòng 7 ngày; quá thời hạn trên, số liệu được xem là đã xác nhận.", "zh_TW": "請核對本對帳單，如有差異請於 7 日內告知，逾期視為確認無誤。", "zh_CN": "请核对本对账单，如有差异请于 7 日内告知，逾期视为确认无误。"},
    "confirmed_by": {"en": "Confirmed by the customer", "vi": "Xác nhận của khách hàng", "zh_TW": "客戶確認", "zh_CN": "客户确认"},
    "prepared_by": {"en": "Prepared by", "vi": "Người lập", "zh_TW": "製表人", "zh_CN": "制表人"},
    "none_open": {"en": "No open invoices.", "vi": "Không có hóa đơn còn nợ.", "zh_TW": "無未結發票。", "zh_CN": "无未结发票。"},
    "none_paid": {"en": "No payments recorded.", "vi": "Chưa có khoản thanh toán nào.", "zh_TW": "尚無付款記錄。", "zh_CN": "尚无付款记录。"},
    "current": {"en": "Current", "vi": "Trong hạn", "zh_TW": "未到期", "zh_CN": "未到期"},
    "1-30": {"en": "1–30 days", "vi": "1–30 ngày", "zh_TW": "1–30 天", "zh_CN": "1–30 天"},
    "31-60": {"en": "31–60 days", "vi": "31–60 ngày", "zh_TW": "31–60 天", "zh_CN": "31–60 天"},
    "61-90": {"en": "61–90 days", "vi": "61–90 ngày", "zh_TW": "61–90 天", "zh_CN": "61–90 天"},
    "90+": {"en": "Over 90 days", "vi": "Trên 90 ngày", "zh_TW": "90 天以上", "zh_CN": "90 天以上"},
}


def word(key: str, language: str, **values) -> str:
    """The phrase ``key`` in ``language`` (English if missing), with ``values`` filled in."""
    text = localized(_W[key], language)
    return text.format(**values) if values else text


def keys() -> frozenset[str]:
    return frozenset(_W)


def languages_of(key: str) -> frozenset[str]:
    return frozenset(_W[key])
