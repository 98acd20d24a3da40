<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AbsenceCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="97"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="98"/>
        <source>Revisit on</source>
        <translation>Ngày quay lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="100"/>
        <source>Photo</source>
        <translation>Ảnh chụp</translation>
    </message>
</context>
<context>
    <name>AbsentNext</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="44"/>
        <source>Nobody to meet: Listen and the customer&apos;s signature are skipped. Under Resolve, say what you found, add a photo of the premises and the day you come back.</source>
        <translation>Không có ai để làm việc: bỏ qua bước Lắng nghe và chữ ký của khách hàng. Ở bước Giải pháp, hãy ghi lại tình hình thực tế, đính kèm ảnh chụp cơ sở của khách hàng và ngày quay lại.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="57"/>
        <source>Open invoices</source>
        <translation>Hóa đơn còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="61"/>
        <source>Last payment: %1, %2 (%3)</source>
        <translation>Lần thanh toán gần nhất: %1, %2 (%3)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="66"/>
        <source>No payments recorded.</source>
        <translation>Chưa có khoản thanh toán nào.</translation>
    </message>
</context>
<context>
    <name>AgingModel</name>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="41"/>
        <source>Currency</source>
        <translation>Loại tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="43"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/aging.py" line="45"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>AgingStrip</name>
    <message>
        <location filename="../fieldapp/ui/views/aging_strip.py" line="50"/>
        <source>Nothing open: every invoice is paid.</source>
        <translation>Không còn nợ: mọi hóa đơn đã được thanh toán.</translation>
    </message>
</context>
<context>
    <name>BackgroundTab</name>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business status</source>
        <translation>Tình trạng kinh doanh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="57"/>
        <source>Business notes</source>
        <translation>Ghi chú kinh doanh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="58"/>
        <source>Financial situation</source>
        <translation>Tình hình tài chính</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="59"/>
        <source>Personality &amp; communication</source>
        <translation>Tính cách &amp; cách giao tiếp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Cooperating since</source>
        <translation>Hợp tác từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/background_tab.py" line="60"/>
        <source>Credit limit</source>
        <translation>Hạn mức công nợ</translation>
    </message>
</context>
<context>
    <name>BalanceRefresh</name>
    <message>
        <location filename="../fieldapp/ui/visit/balances.py" line="36"/>
        <source>Another record took money from this customer: open balances are updated.</source>
        <translation>Một biên bản khác đã ghi nhận thu tiền của khách hàng này: số dư còn nợ đã được cập nhật.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="51"/>
        <source>No unfinished visits.</source>
        <translation>Không có buổi làm việc nào chưa hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="100"/>
        <source>Amend a finalized record</source>
        <translation>Sửa đổi biên bản đã hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/commands.py" line="101"/>
        <source>The record stays as it was signed. The correction is a new record that refers to it. Why is it corrected?</source>
        <translation>Biên bản đã ký được giữ nguyên. Nội dung sửa đổi là một biên bản mới dẫn chiếu đến biên bản cũ. Lý do sửa đổi là gì?</translation>
    </message>
</context>
<context>
    <name>ContactField</name>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="33"/>
        <source>Choose a contact or type a name</source>
        <translation>Chọn người liên hệ hoặc nhập tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/contact_field.py" line="62"/>
        <source>Authority to pay</source>
        <translation>Có thẩm quyền thanh toán</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="32"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="33"/>
        <source>Role</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="34"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="35"/>
        <source>Authority</source>
        <translation>Thẩm quyền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="36"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="37"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="46"/>
        <source>Authority to pay</source>
        <translation>Có thẩm quyền thanh toán</translation>
    </message>
</context>
<context>
    <name>ContractTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="54"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="55"/>
        <source>Signed</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="57"/>
        <source>Goods</source>
        <translation>Hàng hóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="59"/>
        <source>Payment terms</source>
        <translation>Điều khoản thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="61"/>
        <source>Installments</source>
        <translation>Trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="63"/>
        <source>Early-payment discount</source>
        <translation>Chiết khấu thanh toán sớm</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="70"/>
        <source>Net %n days</source>
        <translation>
            <numerusform>Thanh toán trong %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="75"/>
        <source>Allowed</source>
        <translation>Được phép</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="76"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/models/file_tables.py" line="83"/>
        <source>within %n days</source>
        <translation>
            <numerusform>trong vòng %n ngày</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="45"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="47"/>
        <source>Code</source>
        <translation>Mã KH</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="49"/>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="51"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/summary_columns.py" line="55"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Code</source>
        <translation>Mã KH</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="86"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="87"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="88"/>
        <source>Credit limit</source>
        <translation>Hạn mức công nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_header.py" line="89"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="16"/>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="18"/>
        <source>contact</source>
        <translation>người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="20"/>
        <source>phone</source>
        <translation>điện thoại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="22"/>
        <source>code</source>
        <translation>mã</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="24"/>
        <source>tax code or several fields</source>
        <translation>mã số thuế hoặc nhiều trường</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/customers.py" line="45"/>
        <source>Found in</source>
        <translation>Tìm thấy ở</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="152"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="154"/>
        <source>More than %n customers match “%1”</source>
        <translation>
            <numerusform>Hơn %n khách hàng khớp với “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/customer_list.py" line="157"/>
        <source>%n customers match “%1”</source>
        <translation>
            <numerusform>%n khách hàng khớp với “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="160"/>
        <source>Customers matching “%1”</source>
        <translation>Khách hàng khớp với “%1”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="162"/>
        <source>All customers</source>
        <translation>Tất cả khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="164"/>
        <source>No customer matches “%1”</source>
        <translation>Không có khách hàng nào khớp với “%1”</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_list.py" line="213"/>
        <source>Search name, code, tax code, phone, contact…</source>
        <translation>Tìm theo tên, mã, mã số thuế, điện thoại, người liên hệ…</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="161"/>
        <source>Background</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="161"/>
        <source>Contacts</source>
        <translation>Người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="162"/>
        <source>Contracts</source>
        <translation>Hợp đồng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="162"/>
        <source>Invoices</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="163"/>
        <source>Deliveries</source>
        <translation>Giao hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="163"/>
        <source>Payments</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="164"/>
        <source>Visits</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="164"/>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="182"/>
        <source>Pick a customer from today&apos;s route or search (Ctrl+F)</source>
        <translation>Chọn khách hàng trong lộ trình hôm nay hoặc tìm kiếm (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../fieldapp/ui/date_edit.py" line="90"/>
        <source>Type a date like %1</source>
        <translation>Nhập ngày theo dạng %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../fieldapp/ui/visit/typed_fields.py" line="25"/>
        <source>Set</source>
        <translation>Có ngày</translation>
    </message>
</context>
<context>
    <name>DayAgreementsDialog</name>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="168"/>
        <source>%1 of %2 ticked (Space ticks or unticks the selected one)</source>
        <translation>Đã chọn %1/%2 (phím Space để chọn hoặc bỏ chọn dòng đang đứng)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="170"/>
        <source>No agreements were made on %1.</source>
        <translation>Không có thỏa thuận nào được lập ngày %1.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="199"/>
        <source>Reading the agreements…</source>
        <translation>Đang đọc các thỏa thuận…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="216"/>
        <source>Print the agreements of %1</source>
        <translation>In các thỏa thuận ngày %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="218"/>
        <source>Printing the agreements…</source>
        <translation>Đang in các thỏa thuận…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="225"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang đến máy in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="230"/>
        <source>Not printed: %1</source>
        <translation>Chưa in được: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="233"/>
        <source>Print agreements of a day</source>
        <translation>In thỏa thuận theo ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="234"/>
        <source>Agreements made on &amp;day:</source>
        <translation>Thỏa thuận lập &amp;ngày:</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="235"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="236"/>
        <source>All ticked agreements in one print job</source>
        <translation>In mọi thỏa thuận đã chọn trong một lệnh in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="237"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/day_dialog.py" line="238"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
</context>
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/file_tabs.py" line="118"/>
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>%n lần giao hàng không khớp hợp đồng — hãy kiểm tra trước khi nói chuyện tiền</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="129"/>
        <source>ordered %1, delivered %2</source>
        <translation>đặt %1, đã giao %2</translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="95"/>
        <source>Note</source>
        <translation>Phiếu giao hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="96"/>
        <source>Delivered</source>
        <translation>Ngày giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="98"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="99"/>
        <source>Ordered</source>
        <translation>SL đặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="101"/>
        <source>Delivered qty</source>
        <translation>SL đã giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="104"/>
        <source>Discrepancy</source>
        <translation>Sai khác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="106"/>
        <source>Receiver</source>
        <translation>Người nhận</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="24"/>
        <source>Customer&apos;s reason</source>
        <translation>Lý do của khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="27"/>
        <source>Invoices concerned</source>
        <translation>Hóa đơn liên quan</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="28"/>
        <source>What the customer says</source>
        <translation>Khách hàng trình bày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="31"/>
        <source>Customer&apos;s proposed resolution</source>
        <translation>Đề xuất giải quyết của khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="32"/>
        <source>Evidence</source>
        <translation>Bằng chứng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="36"/>
        <source>Escalate by</source>
        <translation>Hạn chuyển cấp trên</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="59"/>
        <source>already disputed</source>
        <translation>đã có khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/dispute_card.py" line="63"/>
        <source>%1 — the supervisor must have it within 24 hours</source>
        <translation>%1 — cấp trên phải nhận được trong vòng 24 giờ</translation>
    </message>
</context>
<context>
    <name>DocumentInfoPanel</name>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="78"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="79"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="80"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="81"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="83"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="84"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="85"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="87"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/info_panel.py" line="92"/>
        <source>DEVELOPMENT certificate — not valid as evidence.
Signed with this laptop&apos;s development key, not with a certificate issued by the company.</source>
        <translation>Chứng thư THỬ NGHIỆM — không có giá trị làm bằng chứng.
Văn bản được ký bằng khóa thử nghiệm của máy này, không phải bằng chứng thư do công ty cấp.</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="44"/>
        <source>Opening the visit record…</source>
        <translation>Đang mở biên bản làm việc…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="50"/>
        <source>Making the statement of account…</source>
        <translation>Đang lập bảng đối chiếu công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/opener.py" line="60"/>
        <source>Making the agreement for signing in ink…</source>
        <translation>Đang lập bản thỏa thuận để ký tay…</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="30"/>
        <source>%1 (development)</source>
        <translation>%1 (thử nghiệm)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="37"/>
        <source>Signed with a development certificate: not valid as evidence</source>
        <translation>Ký bằng chứng thư thử nghiệm: không có giá trị làm bằng chứng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="45"/>
        <source>%1 — replaced by %2</source>
        <translation>%1 — được thay bằng %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="52"/>
        <source>An amendment replaced this document with %1; it is kept unchanged as evidence and can still be verified.</source>
        <translation>Một biên bản sửa đổi đã thay văn bản này bằng %1; văn bản này được giữ nguyên làm bằng chứng và vẫn có thể xác minh.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="66"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="68"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="70"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="72"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/documents.py" line="74"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="137"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="145"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="152"/>
        <source>Printing %1…</source>
        <translation>Đang in %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/documents/viewer.py" line="157"/>
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang đến máy in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="164"/>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="165"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Văn bản PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="173"/>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="174"/>
        <source>The copy could not be saved to %1:
%2</source>
        <translation>Không lưu được bản sao vào %1:
%2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="178"/>
        <source>Saved a copy to %1</source>
        <translation>Đã lưu bản sao vào %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="195"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="196"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="197"/>
        <source>Print through the system print dialog (Ctrl+P)</source>
        <translation>In qua hộp thoại in của hệ thống (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="198"/>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Lưu bản sao…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="199"/>
        <source>Save the signed PDF, unchanged (Ctrl+S)</source>
        <translation>Lưu tệp PDF đã ký, giữ nguyên nội dung (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="200"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="201"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="202"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="203"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Thu nhỏ (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="204"/>
        <source>&amp;Fit width</source>
        <translation>&amp;Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="205"/>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>Hiển thị trang vừa chiều rộng cửa sổ (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="206"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/viewer.py" line="207"/>
        <source>Close the viewer (Esc)</source>
        <translation>Đóng trình xem (Esc)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="80"/>
        <source>No documents yet. Finalized visits get a signed record; a statement of account can be made at any time.</source>
        <translation>Chưa có văn bản nào. Mỗi buổi làm việc hoàn tất có một biên bản đã ký; bảng đối chiếu công nợ có thể lập bất cứ lúc nào.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="82"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/tab.py" line="83"/>
        <source>Open the selected document (Enter)</source>
        <translation>Mở văn bản đang chọn (Enter)</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="23"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="24"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="25"/>
        <source>Last saved</source>
        <translation>Lưu lần cuối</translation>
    </message>
</context>
<context>
    <name>EarlierOutcomesModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="140"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="142"/>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="144"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="147"/>
        <source>Now</source>
        <translation>Hiện trạng</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="17"/>
        <source>This database was written by a newer version of fieldapp (schema {version}; this one knows up to {latest}). Install the newer version to open it.</source>
        <translation>Cơ sở dữ liệu này được ghi bởi phiên bản fieldapp mới hơn (cấu trúc dữ liệu phiên bản {version}; phiên bản này chỉ hỗ trợ đến {latest}). Hãy cài đặt phiên bản mới hơn để mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="20"/>
        <source>Upgrading the database to schema {step} failed: {reason}</source>
        <translation>Không nâng cấp được cơ sở dữ liệu lên cấu trúc dữ liệu phiên bản {step}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="22"/>
        <source>Upgrading the database to schema {step} failed: {reason}. The database as it was before is saved as {backup}.</source>
        <translation>Không nâng cấp được cơ sở dữ liệu lên cấu trúc dữ liệu phiên bản {step}: {reason}. Cơ sở dữ liệu trước khi nâng cấp đã được lưu thành {backup}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="25"/>
        <source>The database {database} is damaged and cannot be read. It was left as it is.</source>
        <translation>Cơ sở dữ liệu {database} bị hỏng và không đọc được. Tệp được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="27"/>
        <source>{database} is a folder where the database file should be. Move the folder away or choose another profile folder.</source>
        <translation>{database} là một thư mục, nhưng ở đó phải là tệp cơ sở dữ liệu. Hãy di chuyển thư mục này đi nơi khác hoặc chọn thư mục dữ liệu người dùng khác.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="30"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only. fieldapp keeps its database there.</source>
        <translation>Không ghi được vào thư mục dữ liệu người dùng {folder}: thư mục hoặc ổ đĩa chứa nó chỉ cho phép đọc. fieldapp lưu cơ sở dữ liệu tại thư mục này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="33"/>
        <source>The database {database} cannot be opened: {reason}</source>
        <translation>Không mở được cơ sở dữ liệu {database}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="35"/>
        <source>The disk holding {database} is full, so the last change was not written. Free some space and try again.</source>
        <translation>Ổ đĩa chứa {database} đã đầy nên thay đổi gần nhất chưa được ghi. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="38"/>
        <source>The backup {backup} could not be restored: {reason}. The damaged database was left as it was.</source>
        <translation>Không khôi phục được bản sao lưu {backup}: {reason}. Cơ sở dữ liệu bị hỏng được giữ nguyên như cũ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="41"/>
        <source>This customer is no longer in the portfolio.</source>
        <translation>Khách hàng này không còn trong danh mục khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="43"/>
        <source>This visit no longer exists.</source>
        <translation>Buổi làm việc này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="44"/>
        <source>This document no longer exists.</source>
        <translation>Văn bản này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="45"/>
        <source>This attachment no longer exists.</source>
        <translation>Tệp đính kèm này không còn tồn tại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="46"/>
        <source>This visit is final: record a correction as an amendment.</source>
        <translation>Buổi làm việc này đã hoàn tất: hãy ghi nhận nội dung chỉnh sửa bằng biên bản sửa đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="48"/>
        <source>This visit is final and cannot be discarded.</source>
        <translation>Buổi làm việc này đã hoàn tất nên không thể hủy.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="50"/>
        <source>This visit was already finalized.</source>
        <translation>Buổi làm việc này đã được hoàn tất trước đó.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="51"/>
        <source>Only unfinished visits are saved; a final visit is corrected by an amendment.</source>
        <translation>Chỉ lưu được buổi làm việc chưa hoàn tất; buổi làm việc đã hoàn tất được chỉnh sửa bằng biên bản sửa đổi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="53"/>
        <source>The documents of a visit are made once it is finalized.</source>
        <translation>Văn bản của buổi làm việc chỉ được lập sau khi hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="55"/>
        <source>The visit cannot be finalized yet: some steps still have problems.</source>
        <translation>Chưa thể hoàn tất buổi làm việc: một số bước vẫn còn lỗi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="57"/>
        <source>This visit was recorded by a newer version of fieldapp; install it to open the visit.</source>
        <translation>Buổi làm việc này được ghi bằng phiên bản fieldapp mới hơn; hãy cài đặt phiên bản đó để mở.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="60"/>
        <source>Say why the visit is amended.</source>
        <translation>Hãy nêu lý do sửa đổi buổi làm việc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="61"/>
        <source>Only a final visit can be amended; finish the unfinished one instead.</source>
        <translation>Chỉ buổi làm việc đã hoàn tất mới có thể sửa đổi; buổi làm việc chưa hoàn tất thì hãy tiếp tục và hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="63"/>
        <source>Receipt {receipts} was already issued: only the office can void a receipt, an amendment cannot remove it.</source>
        <translation>Biên nhận {receipts} đã được xuất: chỉ văn phòng mới có thể hủy biên nhận, biên bản sửa đổi không thể xóa biên nhận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="66"/>
        <source>This visit has no installment plan {index}.</source>
        <translation>Buổi làm việc này không có kế hoạch trả góp {index}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="68"/>
        <source>The document could not be read: the file is damaged.</source>
        <translation>Không đọc được văn bản: tệp bị hỏng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="70"/>
        <source>Document {number} could not be made. The visit is finalized and its money recorded; the document waits as pending: press Retry under the visit. The details are in the log.</source>
        <translation>Không lập được văn bản {number}. Buổi làm việc đã hoàn tất và số tiền đã được ghi nhận; văn bản đang chờ lập: hãy bấm Thử lại bên dưới buổi làm việc. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="74"/>
        <source>The stored record of this visit was changed outside fieldapp: it no longer matches its fingerprint.</source>
        <translation>Biên bản đã lưu của buổi làm việc này đã bị thay đổi bên ngoài fieldapp: không còn khớp với mã băm (dấu vân tay số) của biên bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="77"/>
        <source>The checklist “{kind}” is missing from this installation; reinstall fieldapp.</source>
        <translation>Bản cài đặt này thiếu danh sách kiểm tra “{kind}”; hãy cài đặt lại fieldapp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="79"/>
        <source>A checklist was written for a newer version of fieldapp; install the newer version.</source>
        <translation>Có danh sách kiểm tra được soạn cho phiên bản fieldapp mới hơn; hãy cài đặt phiên bản mới hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="82"/>
        <source>{path} is not a file.</source>
        <translation>{path} không phải là tệp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="83"/>
        <source>{name} cannot be attached: attach files from 1 byte to 20 MB.</source>
        <translation>Không đính kèm được {name}: chỉ đính kèm được tệp có dung lượng từ 1 byte đến 20 MB.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="85"/>
        <source>The profile folder {folder} cannot be created: {reason}</source>
        <translation>Không tạo được thư mục dữ liệu người dùng {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="87"/>
        <source>The profile folder was given as an empty name.</source>
        <translation>Tên thư mục dữ liệu người dùng đang để trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="89"/>
        <source>{folder} is a file, not a folder: choose a folder for the profile.</source>
        <translation>{folder} là tệp, không phải thư mục: hãy chọn một thư mục làm thư mục dữ liệu người dùng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="91"/>
        <source>fieldapp is already running with the profile {folder}. Use that window: two programs on one profile would overwrite each other&apos;s drafts.</source>
        <translation>fieldapp đang chạy với thư mục dữ liệu người dùng {folder}. Hãy dùng cửa sổ đó: hai chương trình dùng chung một thư mục dữ liệu người dùng sẽ ghi đè bản nháp của nhau.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="94"/>
        <source>The profile folder {folder} cannot be written: it or its disk is read-only.</source>
        <translation>Không ghi được vào thư mục dữ liệu người dùng {folder}: thư mục hoặc ổ đĩa chứa nó chỉ cho phép đọc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="96"/>
        <source>There is no display to show the window on.</source>
        <translation>Không có màn hình để hiển thị cửa sổ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="98"/>
        <source>There is no profile folder to keep this device&apos;s signing keys in.</source>
        <translation>Không có thư mục dữ liệu người dùng để lưu khóa ký của thiết bị này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="100"/>
        <source>This laptop&apos;s signing key in {path} is damaged, so nothing was signed. Move the file away to have a new key made; documents signed before stay valid.</source>
        <translation>Khóa ký của máy này tại {path} bị hỏng nên chưa có gì được ký. Hãy chuyển tệp đó sang chỗ khác để tạo khóa mới; các văn bản đã ký trước đây vẫn có giá trị.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="103"/>
        <source>The certificate in {path} does not belong to this laptop&apos;s signing key, so nothing was signed.</source>
        <translation>Chứng thư tại {path} không thuộc về khóa ký của máy này nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="106"/>
        <source>The signing key file {path} has no whole certificate, so nothing was signed.</source>
        <translation>Tệp khóa ký {path} không chứa chứng thư đầy đủ nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="108"/>
        <source>The company certificate in {path} is damaged, so nothing was signed.</source>
        <translation>Chứng thư của công ty tại {path} bị hỏng nên chưa có gì được ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="110"/>
        <source>“{value}” is not one of the values this setting allows.</source>
        <translation>“{value}” không phải là giá trị được phép cho mục cài đặt này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="112"/>
        <source>“{zone}” is not a time zone: use a name like Asia/Taipei or an offset like +07:00.</source>
        <translation>“{zone}” không phải là múi giờ: hãy dùng tên như Asia/Ho_Chi_Minh hoặc độ lệch giờ như +07:00.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="115"/>
        <source>The currency {currency} is not supported.</source>
        <translation>Không hỗ trợ loại tiền {currency}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="117"/>
        <source>Amounts in {first} and {second} cannot be added together.</source>
        <translation>Không thể cộng số tiền bằng {first} với số tiền bằng {second}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="119"/>
        <source>“{text}” is not an amount.</source>
        <translation>“{text}” không phải là số tiền hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="120"/>
        <source>“{text}” has more decimals than {currency} allows.</source>
        <translation>“{text}” có nhiều chữ số thập phân hơn mức {currency} cho phép.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="122"/>
        <source>“{text}” is too large: one amount can be at most {limit}.</source>
        <translation>“{text}” quá lớn: mỗi số tiền tối đa là {limit}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="124"/>
        <source>An installment plan needs at least one installment.</source>
        <translation>Kế hoạch trả góp cần có ít nhất một kỳ trả góp.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="126"/>
        <source>The demo portfolio needs at least one customer.</source>
        <translation>Danh mục khách hàng mẫu cần có ít nhất một khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="128"/>
        <source>Demo data can only be generated into an empty database.</source>
        <translation>Chỉ có thể tạo dữ liệu mẫu trong cơ sở dữ liệu trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="130"/>
        <source>The database already holds {count} customers.</source>
        <translation>Cơ sở dữ liệu đã có {count} khách hàng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="133"/>
        <source>This laptop&apos;s company certificate expired on {until}, so nothing was signed. Ask the office to enroll it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="136"/>
        <source>This file is not a fieldapp bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="138"/>
        <source>The bundle is too large to be read safely: {size} bytes where at most {limit} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="141"/>
        <source>The bundle member {member} would inflate far more than a real file does, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="144"/>
        <source>The bundle holds a member with a name that is not allowed: {member}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="146"/>
        <source>The bundle holds the member {member} twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="148"/>
        <source>The bundle holds a member its list does not name: {member}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="150"/>
        <source>The bundle lacks the member {member} that its list names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="152"/>
        <source>The bundle member {member} was changed after the bundle was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="154"/>
        <source>The bundle&apos;s signature does not verify: it was changed or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="156"/>
        <source>The bundle was signed by {signer}, whose certificate the company did not issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="159"/>
        <source>The certificate of {signer} is not valid now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="161"/>
        <source>The bundle was signed by {signer}, a laptop the office revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="163"/>
        <source>The bundle was made by a newer fieldapp (format {format}; this one reads up to {known}). Install the newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="166"/>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="168"/>
        <source>The bundle says it comes from another laptop than the one that signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="170"/>
        <source>This is not the kind of bundle expected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="172"/>
        <source>{file} is not a certificate request from fieldapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="174"/>
        <source>The office already has a company CA; it is never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="176"/>
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="178"/>
        <source>The two passphrases differ; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="180"/>
        <source>The company CA&apos;s passphrase is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="182"/>
        <source>The office has no company CA yet: create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="184"/>
        <source>The office key file {path} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="186"/>
        <source>The passphrase does not open the company CA&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="188"/>
        <source>{file} is not a valid enrollment answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="190"/>
        <source>This enrollment answer is for another laptop; nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="192"/>
        <source>This laptop is enrolled with another company ({company}); nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="195"/>
        <source>There is no collector named {collector}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="197"/>
        <source>This laptop was revoked and cannot be enrolled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="199"/>
        <source>This laptop is enrolled with another key; revoke it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="201"/>
        <source>There is no enrolled laptop {device}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="203"/>
        <source>{device} matches {count} laptops; give more of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="208"/>
        <source>Something went wrong (error {code}).</source>
        <translation>Đã xảy ra lỗi (mã lỗi {code}).</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="209"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Đã xảy ra lỗi; chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/error_text.py" line="210"/>
        <source>A file could not be read or written: {reason}</source>
        <translation>Không đọc hoặc ghi được tệp: {reason}</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="39"/>
        <source>Attach photo…</source>
        <translation>Đính kèm ảnh…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="40"/>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="54"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="55"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)</source>
        <translation>Ảnh và tài liệu (*.jpg *.jpeg *.png *.heic *.pdf);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="101"/>
        <source>Nothing attached</source>
        <translation>Chưa đính kèm gì</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="108"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/evidence.py" line="109"/>
        <source>Remove this file</source>
        <translation>Xóa tệp này</translation>
    </message>
</context>
<context>
    <name>FileTabs</name>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="70"/>
        <source>No contacts</source>
        <translation>Chưa có người liên hệ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="73"/>
        <source>No contracts</source>
        <translation>Chưa có hợp đồng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/customer_view.py" line="76"/>
        <source>No payments</source>
        <translation>Chưa có khoản thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="54"/>
        <source>No invoices</source>
        <translation>Chưa có hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="101"/>
        <source>No deliveries</source>
        <translation>Chưa có lần giao hàng nào</translation>
    </message>
</context>
<context>
    <name>Finisher</name>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="36"/>
        <source>Finalize the record</source>
        <translation>Hoàn tất biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="37"/>
        <source>A finalized visit cannot be changed; corrections become amendments.

Finalize it now?</source>
        <translation>Buổi làm việc đã hoàn tất thì không thể thay đổi; mọi chỉnh sửa sẽ thành biên bản sửa đổi.

Hoàn tất ngay bây giờ?</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="40"/>
        <source>&amp;Finalize</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="47"/>
        <source>Finalizing…</source>
        <translation>Đang hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="89"/>
        <source>Not finalized</source>
        <translation>Chưa hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="97"/>
        <source>Finalized — receipt %1</source>
        <translation>Đã hoàn tất — biên nhận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="98"/>
        <location filename="../fieldapp/ui/visit/finish.py" line="124"/>
        <source>Finalized</source>
        <translation>Đã hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="103"/>
        <source>&amp;Open the visit record</source>
        <translation>&amp;Mở biên bản làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="104"/>
        <source>The signed record (PDF): show it to the customer or print it</source>
        <translation>Biên bản đã ký (PDF): cho khách hàng xem hoặc in ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="107"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="139"/>
        <source>Open the agreement %1</source>
        <translation>Mở thỏa thuận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="141"/>
        <source>Open the receipt %1</source>
        <translation>Mở biên nhận %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="155"/>
        <source>Discard the draft</source>
        <translation>Hủy bản nháp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="156"/>
        <source>Discard this unfinished record? What was typed is lost.</source>
        <translation>Hủy biên bản chưa hoàn tất này? Nội dung đã nhập sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/finish.py" line="158"/>
        <source>&amp;Discard</source>
        <translation>&amp;Hủy</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="17"/>
        <source>Promise to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="18"/>
        <source>Installment</source>
        <translation>Kỳ trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="19"/>
        <source>Dispute</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="20"/>
        <source>Revisit after absence</source>
        <translation>Quay lại sau khi không gặp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="21"/>
        <source>Planned follow-up</source>
        <translation>Theo dõi theo kế hoạch</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="43"/>
        <source>Follow-up</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="45"/>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="47"/>
        <source>When</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="49"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="50"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/follow_ups.py" line="53"/>
        <source>Paid</source>
        <translation>Đã trả</translation>
    </message>
</context>
<context>
    <name>FollowUpStrip</name>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="36"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n việc khác</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_strip.py" line="37"/>
        <source>Follow-ups:</source>
        <translation>Việc cần theo dõi:</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="21"/>
        <source>paid %1</source>
        <translation>đã trả %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="89"/>
        <source>Follow-ups</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="91"/>
        <source>%n items: promises due or broken, disputes, revisits</source>
        <translation>
            <numerusform>%n việc: cam kết đến hạn hoặc không được thực hiện, khiếu nại, quay lại làm việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/follow_up_view.py" line="93"/>
        <source>Nothing to follow up today.</source>
        <translation>Hôm nay không có việc cần theo dõi.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="91"/>
        <source>Earlier visits, calls and promises</source>
        <translation>Các buổi làm việc, cuộc gọi và cam kết trước đây</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/panels.py" line="92"/>
        <source>No earlier visits or calls recorded.</source>
        <translation>Chưa ghi nhận buổi làm việc hay cuộc gọi nào trước đây.</translation>
    </message>
</context>
<context>
    <name>InvoiceTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="42"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="43"/>
        <source>Issued</source>
        <translation>Ngày lập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="45"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="47"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="49"/>
        <source>Open balance</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="52"/>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="54"/>
        <source>Bucket</source>
        <translation>Nhóm tuổi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="55"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="93"/>
        <source>Paid</source>
        <translation>Đã thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/invoices.py" line="97"/>
        <source>Disputed</source>
        <translation>Đang khiếu nại</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="71"/>
        <source>No open invoices: everything is paid.
Untick “Open invoices only” to see the paid ones.</source>
        <translation>Không có hóa đơn còn nợ: tất cả đã được thanh toán.
Bỏ chọn “Chỉ hóa đơn còn nợ” để xem các hóa đơn đã thanh toán.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="80"/>
        <source>%1: amount %2 · open balance %3</source>
        <translation>%1: số tiền %2 · còn nợ %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/file_tabs.py" line="88"/>
        <source>Open invoices only</source>
        <translation>Chỉ hóa đơn còn nợ</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="19"/>
        <source>Current</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="20"/>
        <source>1–30</source>
        <translation>1–30</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="21"/>
        <source>31–60</source>
        <translation>31–60</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="22"/>
        <source>61–90</source>
        <translation>61–90</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="23"/>
        <source>90+</source>
        <translation>90+</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="24"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="25"/>
        <source>Slowing down</source>
        <translation>Kinh doanh chững lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="26"/>
        <source>Restructuring</source>
        <translation>Đang tái cơ cấu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="27"/>
        <source>Closed</source>
        <translation>Đã ngừng hoạt động</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="28"/>
        <source>Complete</source>
        <translation>Đã giao đủ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="29"/>
        <source>Partial</source>
        <translation>Giao một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="30"/>
        <source>Problem</source>
        <translation>Có vấn đề</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="31"/>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="32"/>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="33"/>
        <source>Cheque</source>
        <translation>Séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="34"/>
        <source>Post-dated cheque</source>
        <translation>Séc ghi ngày sau</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="35"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="36"/>
        <source>Chinese (Traditional, Taiwan)</source>
        <translation>Tiếng Trung (Phồn thể, Đài Loan)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="37"/>
        <source>Chinese (Simplified, China)</source>
        <translation>Tiếng Trung (Giản thể, Trung Quốc)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="38"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="39"/>
        <source>Visit</source>
        <translation>Làm việc tại chỗ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="40"/>
        <source>Call</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="41"/>
        <source>Money received</source>
        <translation>Đã thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="42"/>
        <source>Promise to pay</source>
        <translation>Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="43"/>
        <source>Installment plan</source>
        <translation>Kế hoạch trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="44"/>
        <source>Dispute</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="45"/>
        <source>Refusal</source>
        <translation>Từ chối thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="46"/>
        <source>Customer absent / premises closed</source>
        <translation>Không gặp khách hàng / đóng cửa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="47"/>
        <source>Quality</source>
        <translation>Chất lượng hàng hóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="48"/>
        <source>Damaged goods</source>
        <translation>Hàng bị hư hỏng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="49"/>
        <source>Wrong goods</source>
        <translation>Giao sai chủng loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="50"/>
        <source>Short or not delivered</source>
        <translation>Giao thiếu / chưa giao</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="51"/>
        <source>Late delivery</source>
        <translation>Giao hàng chậm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="52"/>
        <source>Price</source>
        <translation>Giá cả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="53"/>
        <source>Invoice error</source>
        <translation>Sai hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="54"/>
        <source>Missing documents</source>
        <translation>Thiếu chứng từ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="55"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="56"/>
        <location filename="../fieldapp/ui/labels.py" line="70"/>
        <source>Revisit</source>
        <translation>Quay lại làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="57"/>
        <source>Supervisor calls the customer</source>
        <translation>Cấp trên gọi điện cho khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="58"/>
        <source>Legal route recommended</source>
        <translation>Đề xuất thu hồi nợ qua pháp lý</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="59"/>
        <source>Weekly</source>
        <translation>Hằng tuần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="60"/>
        <source>Every two weeks</source>
        <translation>Hai tuần một lần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="61"/>
        <source>Monthly</source>
        <translation>Hằng tháng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="62"/>
        <source>Reminder</source>
        <translation>Nhắc hẹn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="63"/>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="64"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="65"/>
        <source>Broken</source>
        <translation>Không thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="66"/>
        <source>Partially kept</source>
        <translation>Thực hiện một phần</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="67"/>
        <source>Dispute deadline near</source>
        <translation>Sắp hết hạn xử lý khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="68"/>
        <source>Dispute deadline passed</source>
        <translation>Quá hạn xử lý khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="69"/>
        <source>Dispute open</source>
        <translation>Khiếu nại chưa giải quyết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="73"/>
        <source>Open</source>
        <translation>Đang theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="74"/>
        <source>Kept</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="75"/>
        <source>Visit record</source>
        <translation>Biên bản làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="76"/>
        <source>Installment agreement</source>
        <translation>Thỏa thuận trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="77"/>
        <source>Agreement for wet signature</source>
        <translation>Thỏa thuận để ký tay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="78"/>
        <source>Receipt</source>
        <translation>Biên nhận thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/labels.py" line="79"/>
        <source>Statement of account</source>
        <translation>Bảng đối chiếu công nợ</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <location filename="../fieldapp/ui/visit/text_limit.py" line="39"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 ký tự</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="227"/>
        <source>About fieldapp</source>
        <translation>Giới thiệu fieldapp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="228"/>
        <source>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Offline portfolio and visit records for field collectors of trade receivables.&lt;/p&gt;</source>
        <translation>&lt;b&gt;fieldapp %1&lt;/b&gt;&lt;p&gt;Quản lý danh mục khách hàng và biên bản làm việc ngoại tuyến cho nhân viên thu hồi công nợ thương mại.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="264"/>
        <source>fieldapp — collector&apos;s portfolio</source>
        <translation>fieldapp — danh mục khách hàng của nhân viên thu hồi nợ</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/main_window.py" line="270"/>
        <source>Customers: %n</source>
        <translation>
            <numerusform>Khách hàng: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="271"/>
        <source>Today: %1</source>
        <translation>Hôm nay: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="274"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="275"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="276"/>
        <source>Vi&amp;sit</source>
        <translation>&amp;Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="277"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="278"/>
        <source>F&amp;ollow-ups</source>
        <translation>Việc cần &amp;theo dõi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="279"/>
        <source>Start &amp;visit</source>
        <translation>Bắt đầu &amp;buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="280"/>
        <source>Start a visit with this customer (Ctrl+N)</source>
        <translation>Bắt đầu buổi làm việc với khách hàng này (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="281"/>
        <source>&amp;Log a call</source>
        <translation>&amp;Ghi cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="282"/>
        <source>Log a phone call with this customer (Ctrl+L)</source>
        <translation>Ghi nhận cuộc gọi điện thoại với khách hàng này (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="283"/>
        <source>&amp;Unfinished visits…</source>
        <translation>Buổi làm việc &amp;chưa hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="284"/>
        <source>S&amp;tatement of account</source>
        <translation>Bảng đối chiếu công &amp;nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="286"/>
        <source>Make a signed statement of account as of today and open it (Ctrl+Shift+S)</source>
        <translation>Lập bảng đối chiếu công nợ có ký số tính đến hôm nay và mở ra (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="287"/>
        <source>&amp;Print agreements of a day…</source>
        <translation>&amp;In thỏa thuận theo ngày…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="288"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="289"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="290"/>
        <source>&amp;Find customer</source>
        <translation>Tì&amp;m khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="291"/>
        <source>Today&apos;s &amp;route</source>
        <translation>&amp;Lộ trình hôm nay</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="292"/>
        <source>&amp;Customers</source>
        <translation>&amp;Khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="293"/>
        <source>&amp;Back to previous customer</source>
        <translation>&amp;Quay lại khách hàng trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/main_window.py" line="294"/>
        <source>&amp;About fieldapp</source>
        <translation>&amp;Giới thiệu fieldapp</translation>
    </message>
</context>
<context>
    <name>MoneyCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="36"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="37"/>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="40"/>
        <source>Reference</source>
        <translation>Số tham chiếu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="41"/>
        <source>Date on the cheque</source>
        <translation>Ngày trên séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="43"/>
        <source>Applied to</source>
        <translation>Thanh toán cho hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Invoice</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Open balance</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="53"/>
        <source>Applied</source>
        <translation>Phân bổ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="84"/>
        <source>Transfer or cheque number</source>
        <translation>Số giao dịch chuyển khoản hoặc số séc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="137"/>
        <source>Not an amount for invoice %1.</source>
        <translation>Số tiền nhập cho hóa đơn %1 không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/money_card.py" line="174"/>
        <source>Receipt %1 was issued; only the office can void it.</source>
        <translation>Đã xuất biên nhận %1; chỉ văn phòng mới có thể hủy.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../fieldapp/ui/visit/money_edit.py" line="94"/>
        <source>read as {amount}</source>
        <translation>hiểu là số tiền {amount}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="96"/>
        <source>Fix what is marked in red before going on.</source>
        <translation>Sửa các mục được đánh dấu đỏ trước khi tiếp tục.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/navigator.py" line="161"/>
        <source>Step %1 of %2</source>
        <translation>Bước %1/%2</translation>
    </message>
</context>
<context>
    <name>NumbersToDial</name>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="28"/>
        <source>Number to dial</source>
        <translation>Số cần gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="29"/>
        <source>Numbers to dial</source>
        <translation>Các số cần gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/meet_notes.py" line="31"/>
        <source>No phone number on file: ask the office for one.</source>
        <translation>Chưa có số điện thoại: hãy xin văn phòng cung cấp.</translation>
    </message>
</context>
<context>
    <name>ObjectionsField</name>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="23"/>
        <source>Objection</source>
        <translation>Phản đối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="24"/>
        <source>Prepared answer</source>
        <translation>Cách trả lời đã chuẩn bị</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="33"/>
        <source>Add objection</source>
        <translation>Thêm phản đối</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/objections.py" line="35"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="56"/>
        <location filename="../fieldapp/ui/office/window.py" line="72"/>
        <source>fieldapp office</source>
        <translation>fieldapp văn phòng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="57"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="58"/>
        <source>Import receivables…</source>
        <translation>Nhập công nợ…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="59"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="60"/>
        <source>Portfolio</source>
        <translation>Danh mục khách hàng</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="60"/>
        <source>Collectors</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/office/window.py" line="61"/>
        <source>Routes</source>
        <translation>Lộ trình</translation>
    </message>
</context>
<context>
    <name>OutcomeCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="75"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/card.py" line="77"/>
        <source>Remove this outcome</source>
        <translation>Xóa kết quả này</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="27"/>
        <source>%1 by %2 — %3</source>
        <translation>%1, hạn %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/outcome_text.py" line="32"/>
        <source>%n installments</source>
        <translation>
            <numerusform>%n kỳ trả góp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="36"/>
        <source>%1 down, then %2</source>
        <translation>trả trước %1, sau đó %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/outcome_text.py" line="44"/>
        <source>revisit %1</source>
        <translation>quay lại ngày %1</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="121"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="123"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="125"/>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="126"/>
        <source>Reference</source>
        <translation>Số tham chiếu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/file_tables.py" line="127"/>
        <source>Allocated to</source>
        <translation>Phân bổ cho</translation>
    </message>
</context>
<context>
    <name>PlanCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="33"/>
        <source>Agreed total</source>
        <translation>Tổng số tiền thỏa thuận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="40"/>
        <source>Down payment (optional)</source>
        <translation>Trả trước (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="43"/>
        <source>Schedule</source>
        <translation>Lịch thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="45"/>
        <source>Default clause</source>
        <translation>Điều khoản vi phạm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="65"/>
        <source>installments,</source>
        <translation>kỳ,</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="66"/>
        <source>first due</source>
        <translation>kỳ đầu vào ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="69"/>
        <source>Installments</source>
        <translation>Trả góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="83"/>
        <source>if everything is paid by</source>
        <translation>nếu thanh toán hết trước ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="87"/>
        <source>Early-payment discount</source>
        <translation>Chiết khấu thanh toán sớm</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="140"/>
        <source>The disputed invoices changed the agreed total from %1 to %2.</source>
        <translation>Các hóa đơn đang khiếu nại đã làm tổng số tiền thỏa thuận thay đổi từ %1 thành %2.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="156"/>
        <source>settles with %1</source>
        <translation>khi đó chỉ cần trả %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/plan_card.py" line="166"/>
        <source>Covers invoices: %1</source>
        <translation>Áp dụng cho các hóa đơn: %1</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="30"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="32"/>
        <source>Printing</source>
        <translation>Đang in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="40"/>
        <source>Not printed</source>
        <translation>Chưa in</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="41"/>
        <source>The printer could not be used:
%1</source>
        <translation>Không dùng được máy in:
%1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/print_job.py" line="50"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="15"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/progress.py" line="16"/>
        <source>Working</source>
        <translation>Đang xử lý</translation>
    </message>
</context>
<context>
    <name>PromiseCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="36"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="37"/>
        <source>Pay by</source>
        <translation>Ngày thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="39"/>
        <source>Promised by</source>
        <translation>Người cam kết</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/questions.py" line="44"/>
        <source>Amend</source>
        <translation>Sửa đổi</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="78"/>
        <source>Discard the draft</source>
        <translation>Hủy bản nháp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="79"/>
        <source>Discard the unfinished %1 with %2? What was typed is lost.</source>
        <translation>Hủy bản nháp (%1) chưa hoàn tất với %2? Nội dung đã nhập sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="81"/>
        <source>&amp;Discard</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="93"/>
        <source>Unfinished visits</source>
        <translation>Buổi làm việc chưa hoàn tất</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="94"/>
        <source>These visits and calls were not finalized. Everything typed was saved: resume one to finish it, or discard it.</source>
        <translation>Các buổi làm việc và cuộc gọi này chưa được hoàn tất. Mọi nội dung đã nhập đều được lưu: hãy tiếp tục để hoàn tất, hoặc hủy bỏ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="96"/>
        <source>&amp;Resume</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="97"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Hủy…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/recovery.py" line="98"/>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
</context>
<context>
    <name>RefusalCard</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="69"/>
        <source>Reason given</source>
        <translation>Lý do khách hàng đưa ra</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/simple_cards.py" line="70"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
</context>
<context>
    <name>ResolvePage</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="229"/>
        <source>Outcomes</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="230"/>
        <source>— add every result of the visit; one visit can have several.</source>
        <translation>— ghi nhận mọi kết quả của buổi làm việc; một buổi có thể có nhiều kết quả.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="231"/>
        <source>+ &amp;Money received</source>
        <translation>+ Đã &amp;thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="232"/>
        <source>+ &amp;Promise to pay</source>
        <translation>+ &amp;Cam kết thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="233"/>
        <source>+ &amp;Installment plan</source>
        <translation>+ Kế hoạch trả &amp;góp</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="234"/>
        <source>+ &amp;Dispute</source>
        <translation>+ &amp;Khiếu nại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="235"/>
        <source>+ Re&amp;fusal</source>
        <translation>+ Từ chối thanh t&amp;oán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="236"/>
        <source>+ Customer &amp;absent / closed</source>
        <translation>+ Không gặp khách hàng / đóng cử&amp;a</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="241"/>
        <source>I confirm these amounts with the customer although they exceed what is owed</source>
        <translation>Tôi xác nhận các số tiền này với khách hàng dù vượt quá số còn nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/page.py" line="243"/>
        <source>Why? e.g. a credit note is pending, an invoice is not imported yet</source>
        <translation>Lý do? Ví dụ: đang chờ phiếu giảm trừ công nợ, có hóa đơn chưa được nhập vào</translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="34"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="36"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/route.py" line="39"/>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
</context>
<context>
    <name>RouteView</name>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="94"/>
        <source>Today&apos;s route</source>
        <translation>Lộ trình hôm nay</translation>
    </message>
    <message numerus="yes">
        <location filename="../fieldapp/ui/views/route_view.py" line="97"/>
        <source>Stops: %n</source>
        <translation>
            <numerusform>Điểm đến: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/route_view.py" line="99"/>
        <source>No visits are planned for today.</source>
        <translation>Hôm nay không có buổi làm việc nào theo kế hoạch.</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="28"/>
        <source>Due</source>
        <translation>Hạn thanh toán</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="29"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/outcomes/schedule_table.py" line="53"/>
        <source>Down payment</source>
        <translation>Trả trước</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="26"/>
        <source>Collector name</source>
        <translation>Họ tên nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="25"/>
        <source>Language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="27"/>
        <source>Your title on Vietnamese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Việt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="28"/>
        <source>Your title on Traditional Chinese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Trung phồn thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="29"/>
        <source>Your title on Simplified Chinese documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Trung giản thể</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="30"/>
        <source>Your title on English documents</source>
        <translation>Chức danh của bạn trên văn bản tiếng Anh</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="31"/>
        <source>Latest promise date (days ahead)</source>
        <translation>Ngày cam kết xa nhất (số ngày tới)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Grace days before a promise is broken</source>
        <translation>Số ngày ân hạn trước khi coi là không thực hiện cam kết</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="33"/>
        <source>Share paid that keeps a promise (%)</source>
        <translation>Tỷ lệ đã trả để coi là thực hiện cam kết (%)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="34"/>
        <source>Remind this many days before a promise</source>
        <translation>Nhắc trước ngày cam kết (số ngày)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="35"/>
        <source>Warn when a dispute deadline is this close (hours)</source>
        <translation>Cảnh báo khi sắp hết hạn xử lý khiếu nại (số giờ)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Least ink for a signature (pixels)</source>
        <translation>Độ dài nét ký tối thiểu (điểm ảnh)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Company name</source>
        <translation>Tên công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="38"/>
        <source>Company address</source>
        <translation>Địa chỉ công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Company tax code</source>
        <translation>Mã số thuế công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Company phone</source>
        <translation>Điện thoại công ty</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="60"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="139"/>
        <source>Enter the company&apos;s name: it heads every document.</source>
        <translation>Hãy nhập tên công ty: tên này đứng đầu mọi văn bản.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="147"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="148"/>
        <source>Your name and title go on every record you sign. Please enter them before the first visit.</source>
        <translation>Họ tên và chức danh của bạn được ghi trên mọi biên bản bạn ký. Vui lòng nhập trước buổi làm việc đầu tiên.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="150"/>
        <source>These settings apply to this laptop.</source>
        <translation>Các cài đặt này áp dụng cho máy tính này.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/dialogs/settings_dialog.py" line="152"/>
        <source>Letterhead on every document</source>
        <translation>Tiêu đề in trên mọi văn bản</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="66"/>
        <source>The customer was absent: nobody signs for the customer; you sign the record alone.</source>
        <translation>Không gặp khách hàng: không ai ký thay khách hàng; bạn tự ký biên bản một mình.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="70"/>
        <source>Nothing the customer signed has changed: their signature on the original record stands, and you sign the amendment alone.</source>
        <translation>Những nội dung khách hàng đã ký không thay đổi: chữ ký của khách hàng trên biên bản gốc vẫn có hiệu lực, bạn tự ký biên bản sửa đổi một mình.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="109"/>
        <source>The record changed after it was signed: read the summary again with the customer, then both sign again.</source>
        <translation>Biên bản đã thay đổi sau khi ký: hãy cùng khách hàng đọc lại phần tóm tắt, rồi hai bên ký lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="127"/>
        <source>Summary for the customer (%1)</source>
        <translation>Tóm tắt cho khách hàng (%1)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="129"/>
        <source>Customer signs</source>
        <translation>Khách hàng ký</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/sign_page.py" line="130"/>
        <source>Collector signs</source>
        <translation>Nhân viên thu hồi nợ ký</translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="30"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="31"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="32"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="34"/>
        <source>Printed name</source>
        <translation>Họ tên (ghi rõ)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/signer.py" line="35"/>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../fieldapp/ui/app.py" line="76"/>
        <source>Restore the backup of %1?</source>
        <translation>Khôi phục bản sao lưu ngày %1?</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="78"/>
        <source>The damaged file is kept in the backups folder; what was recorded after the backup is not in it.</source>
        <translation>Tệp bị hỏng được giữ lại trong thư mục sao lưu; những gì ghi nhận sau thời điểm sao lưu sẽ không có trong bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="85"/>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/app.py" line="86"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
</context>
<context>
    <name>StartupDocuments</name>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="84"/>
        <source>Last finalized: %1, %2 — receipt %3</source>
        <translation>Hoàn tất gần nhất: %1, %2 — biên nhận %3</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="87"/>
        <source>Last finalized: %1, %2 — no money taken</source>
        <translation>Hoàn tất gần nhất: %1, %2 — không thu tiền</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="90"/>
        <source>Some documents are still pending: see the visit&apos;s Retry</source>
        <translation>Một số văn bản vẫn đang chờ lập: xem nút Thử lại của buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/startup.py" line="92"/>
        <source>Check this before recording money again: a receipt already issued stands for money already taken.</source>
        <translation>Hãy kiểm tra mục này trước khi ghi nhận thu tiền lần nữa: biên nhận đã xuất nghĩa là tiền đã được thu.</translation>
    </message>
</context>
<context>
    <name>VisitDocumentsBar</name>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="115"/>
        <source>Pending: %1</source>
        <translation>Đang chờ lập: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="119"/>
        <source>Not made yet: finalizing was interrupted or the document failed. The visit itself is finalized.</source>
        <translation>Chưa được lập: quá trình hoàn tất bị gián đoạn hoặc lập văn bản bị lỗi. Bản thân buổi làm việc đã hoàn tất.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="150"/>
        <source>Plan %1</source>
        <translation>Kế hoạch %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="171"/>
        <source>Open &amp;record</source>
        <translation>Mở &amp;biên bản</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="172"/>
        <source>The signed visit record (PDF)</source>
        <translation>Biên bản làm việc đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="173"/>
        <source>Open a&amp;greement</source>
        <translation>Mở thỏa &amp;thuận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="174"/>
        <source>Open recei&amp;pt</source>
        <translation>Mở biên &amp;nhận</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="175"/>
        <source>Agreement for &amp;wet signature…</source>
        <translation>Thỏa thuận để &amp;ký tay…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="176"/>
        <source>Re&amp;try</source>
        <translation>Thử &amp;lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="177"/>
        <source>Make the pending documents of this visit now</source>
        <translation>Lập ngay các văn bản đang chờ của buổi làm việc này</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/documents/visit_bar.py" line="178"/>
        <source>A fresh copy of the installment agreement with empty boxes, to print and sign in ink</source>
        <translation>Bản mới của thỏa thuận trả góp với các ô để trống, để in ra và ký tay</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="34"/>
        <source>Documents pending</source>
        <translation>Văn bản đang chờ lập</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="36"/>
        <source>Amendment: %1</source>
        <translation>Sửa đổi: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="39"/>
        <source>Amended</source>
        <translation>Đã sửa đổi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="52"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="54"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="55"/>
        <source>Collector</source>
        <translation>Nhân viên thu hồi nợ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="56"/>
        <source>Outcomes</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/models/visit_history.py" line="58"/>
        <source>Record</source>
        <translation>Biên bản</translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="144"/>
        <location filename="../fieldapp/ui/visit/window.py" line="256"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="167"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="216"/>
        <source>Saved %1</source>
        <translation>Đã lưu lúc %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="224"/>
        <source>Not saved: the disk is full. The draft is kept in this window and saved as soon as space is freed.</source>
        <translation>Chưa lưu được: ổ đĩa đã đầy. Bản nháp vẫn được giữ trong cửa sổ này và sẽ được lưu ngay khi có dung lượng trống.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="227"/>
        <source>Not saved, retrying: %1</source>
        <translation>Chưa lưu được, đang thử lại: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Visit — %1</source>
        <translation>Làm việc tại chỗ — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="268"/>
        <source>Call — %1</source>
        <translation>Cuộc gọi — %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="271"/>
        <source>Amendment of an earlier record. Reason: %1</source>
        <translation>Sửa đổi của một biên bản trước đó. Lý do: %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Visit</source>
        <translation>&amp;Buổi làm việc</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="273"/>
        <source>&amp;Call</source>
        <translation>&amp;Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="274"/>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="275"/>
        <source>Previous step (Alt+Left)</source>
        <translation>Bước trước (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="276"/>
        <source>Next →</source>
        <translation>Tiếp →</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="277"/>
        <source>Next step (Alt+Right or Ctrl+Enter)</source>
        <translation>Bước tiếp theo (Alt+Right hoặc Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="278"/>
        <source>Finalize…</source>
        <translation>Hoàn tất…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="279"/>
        <source>Check everything and freeze the record (Ctrl+Enter)</source>
        <translation>Kiểm tra toàn bộ và khóa biên bản (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="280"/>
        <source>Previous step</source>
        <translation>Bước trước</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="281"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="282"/>
        <source>Go on (next step or finalize)</source>
        <translation>Tiếp tục (bước tiếp theo hoặc hoàn tất)</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="283"/>
        <source>Discard this draft…</source>
        <translation>Hủy bản nháp này…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/window.py" line="284"/>
        <source>Close (keeps the draft)</source>
        <translation>Đóng (giữ bản nháp)</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="135"/>
        <source>Visit</source>
        <translation>Làm việc tại chỗ</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="135"/>
        <source>Call</source>
        <translation>Cuộc gọi</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="141"/>
        <source>Amendment of the record of %1. Reason: %2</source>
        <translation>Sửa đổi biên bản ngày %1. Lý do: %2</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="145"/>
        <source>Corrected by a later amendment; kept unchanged as evidence.</source>
        <translation>Đã được sửa đổi bằng một biên bản sau; bản này được giữ nguyên làm bằng chứng.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="146"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="162"/>
        <source>No visits recorded yet</source>
        <translation>Chưa có buổi làm việc nào</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="163"/>
        <source>&amp;Amend…</source>
        <translation>&amp;Sửa đổi…</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/views/visits_tab.py" line="164"/>
        <source>Correct this record: a new record with a reason; the original stays as it was</source>
        <translation>Sửa đổi biên bản này: lập biên bản mới kèm lý do; biên bản gốc được giữ nguyên</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="18"/>
        <source>Required.</source>
        <translation>Bắt buộc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="19"/>
        <source>The amount must be more than zero.</source>
        <translation>Số tiền phải lớn hơn 0.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="20"/>
        <source>More than the open balance of {balance}.</source>
        <translation>Vượt quá số dư còn nợ {balance}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="21"/>
        <source>This date is in the past: agree on a specific day from today on.</source>
        <translation>Ngày này đã qua: hãy thống nhất một ngày cụ thể từ hôm nay trở đi.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="22"/>
        <source>More than {days} days ahead: agree on an earlier date.</source>
        <translation>Quá {days} ngày kể từ hôm nay: hãy thống nhất một ngày sớm hơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="23"/>
        <source>Pick a day after today.</source>
        <translation>Chọn một ngày sau hôm nay.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="24"/>
        <source>Allocated {allocated} but received {amount}.</source>
        <translation>Đã phân bổ {allocated} nhưng số tiền thu là {amount}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="25"/>
        <source>More than the open balance of invoice {invoice}.</source>
        <translation>Vượt quá số dư còn nợ của hóa đơn {invoice}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="26"/>
        <source>Give the transfer or cheque reference.</source>
        <translation>Nhập số tham chiếu chuyển khoản hoặc số séc.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="27"/>
        <source>A post-dated cheque needs the date written on it, after today.</source>
        <translation>Séc ghi ngày sau cần có ngày ghi trên séc, sau hôm nay.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="28"/>
        <source>The installments add up to {sum}, not the agreed {total}.</source>
        <translation>Tổng các kỳ trả góp là {sum}, không khớp tổng số tiền thỏa thuận {total}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="29"/>
        <source>Each installment must fall after the previous one.</source>
        <translation>Mỗi kỳ trả góp phải sau kỳ trước.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="30"/>
        <source>The down payment must be less than the agreed total.</source>
        <translation>Khoản trả trước phải nhỏ hơn tổng số tiền thỏa thuận.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="31"/>
        <source>The discount must be between 0 and {max} %.</source>
        <translation>Chiết khấu phải từ 0 đến {max} %.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="32"/>
        <source>Say until when the early-payment discount applies.</source>
        <translation>Nhập thời hạn áp dụng chiết khấu thanh toán sớm.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="33"/>
        <source>Pick at least one invoice.</source>
        <translation>Chọn ít nhất một hóa đơn.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="34"/>
        <source>The signature is too small; clear it and sign again.</source>
        <translation>Chữ ký quá nhỏ; hãy xóa và ký lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="35"/>
        <source>Not a date that exists: pick the day from the calendar.</source>
        <translation>Ngày này không tồn tại: hãy chọn ngày trên lịch.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="36"/>
        <source>Signature required: sign in the box.</source>
        <translation>Cần có chữ ký: hãy ký vào ô.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="37"/>
        <source>Add a photo of the closed premises.</source>
        <translation>Hãy đính kèm ảnh chụp cơ sở đang đóng cửa.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="38"/>
        <source>The customer was absent: say what you found, add a photo and the revisit date.</source>
        <translation>Không gặp khách hàng: hãy ghi lại tình hình thực tế, đính kèm ảnh và ngày quay lại.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="39"/>
        <source>Nobody to meet? Tick &quot;Customer absent&quot; at Meet first.</source>
        <translation>Không có ai để làm việc? Trước tiên hãy đánh dấu “Không gặp khách hàng” ở bước Gặp gỡ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="40"/>
        <source>Nobody was met, so nobody refused: remove the refusal or untick &quot;Customer absent&quot; at Meet.</source>
        <translation>Không gặp ai nên không có ai từ chối: hãy xóa kết quả từ chối thanh toán hoặc bỏ đánh dấu “Không gặp khách hàng” ở bước Gặp gỡ.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="41"/>
        <source>Too long: {length} characters, at most {max}.</source>
        <translation>Quá dài: {length} ký tự, tối đa {max}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="42"/>
        <source>Money received, promises and installments come to {committed}, more than the {balance} owed: confirm why.</source>
        <translation>Tổng các mục Đã thu tiền, cam kết và kỳ trả góp là {committed}, nhiều hơn số còn nợ {balance}: hãy xác nhận lý do.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="45"/>
        <source>Not an amount: type digits, e.g. {example}.</source>
        <translation>Số tiền không hợp lệ: nhập chữ số, ví dụ {example}.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="46"/>
        <source>Add at least one outcome.</source>
        <translation>Thêm ít nhất một kết quả.</translation>
    </message>
    <message>
        <location filename="../fieldapp/ui/visit/errors.py" line="47"/>
        <source>The signer&apos;s printed name is required.</source>
        <translation>Cần ghi rõ họ tên người ký.</translation>
    </message>
</context>
</TS>
