"""Vietnamese strings of quiz.exchange (moved into quiz.messages once the layout settles)."""

from __future__ import annotations

ANSWER_LABEL = "Đáp án"
SOURCE_LABEL = "Nguồn"
UNIT_LABEL = "đơn vị"
TRUE = "Đúng"
FALSE = "Sai"
ORDER_HINT = "Sắp xếp theo đúng thứ tự:"
MULTI_HINT = "Chọn tất cả các ý đúng:"
ANKI_MODEL_TYPEIN = "quiz · gõ đáp án"
ANKI_MODEL_CHOICE = "quiz · lựa chọn"
ANKI_MODEL_CLOZE = "quiz · điền chỗ trống"
ANKI_CARD = "Thẻ"
ANKI_CLOZE_CARD = "Điền chỗ trống"
CANNOT_WRITE = "{path}: không ghi được tệp ({error})."
ANKI_NOT_APKG = "{path}: không phải gói Anki (.apkg) đọc được ({error})."
ANKI_NEW_FORMAT = (
    "{path}: gói Anki định dạng mới (collection.anki21b) chưa đọc được; trong Anki hãy xuất lại"
    " với ô «Hỗ trợ các phiên bản Anki cũ» (Support older Anki versions) được đánh dấu."
)
IMPORT_TOO_BIG = "{path}: tệp quá lớn để nhập."
IMPORT_TOO_MANY = "{path}: quá {limit} câu; hãy chia tệp nhỏ hơn."
IMPORT_EMPTY = "{path}: không tìm thấy câu hỏi nào để nhập."
IMPORT_INVALID = "{path}: không tạo được ngân hàng hợp lệ: {problem}"
IMPORT_NEEDS_QUOTE = (
    "CẦN TRÍCH DẪN: thêm `source` và `quote` (nguyên văn từ bài báo), rồi bỏ tag chưa-trích-dẫn"
)
IMPORT_HEADER = "Nhập từ {origin} bằng `quiz import`."
IMPORT_HEADER_DRAFT = (
    "Mọi câu mang tag draft: hãy kiểm tra, thêm trích dẫn, rồi bỏ tag draft để đưa vào ôn tập."
)
CSV_NO_HEADER = (
    "{path}:1: không thấy cột câu hỏi và đáp án trong dòng tiêu đề; cần các cột như"
    " `prompt,answer` (hoặc `câu hỏi,đáp án`)."
)
CSV_BAD_ROW = "{path}:{line}: {problem}"
CSV_UNKNOWN_TYPE = "loại câu hỏi `{value}` không hợp lệ"
CSV_NO_ANSWER_IN_CHOICES = "đáp án `{value}` không nằm trong các lựa chọn"
NOT_TEXT = "{path}: không phải văn bản UTF-8."
UNKNOWN_FORMAT = "{path}: không đoán được định dạng từ phần mở rộng; hãy ghi --from (một trong: {formats})."
READ_FAILED = "{path}: không đọc được tệp ({error})."
JSONL_BAD_LINE = "{path}:{line}: dòng không phải một câu trả lời hợp lệ ({problem})."
MERGE_NOT_PROGRESS = "{path}: không phải tệp tiến độ quiz (.sqlite) hay bản xuất tiến độ (.jsonl)."
MERGE_SAME_FILE = "{path}: là chính tệp tiến độ đang dùng."
MERGE_BUSY = (
    "{path}: tệp tiến độ vừa có câu trả lời mới trong lúc gộp; hãy đóng các phiên ôn tập rồi chạy lại."
)
MERGE_FAILED = "{path}: không gộp được ({error}); tệp được giữ nguyên."
QUIZLET_BAD_ROW = (
    "dòng cần dạng «thuật ngữ<TAB>định nghĩa» (xuất từ Quizlet với dấu Tab giữa thuật ngữ và định nghĩa)"
)
IMPORT_EXISTS = "{path}: tệp đã có; hãy chọn tên khác cho -o, hoặc thêm --ghi-de để ghi đè."
ORDER_MATCH_HINT = "Ghép mỗi vị trí với mục đứng ở vị trí đó."
ORDER_POSITION = "Vị trí {n}"
AZOTA_PART = "Phần"
AZOTA_QUESTION = "Câu"
AZOTA_END = "HẾT"
AZOTA_KEY = "Bảng đáp án"
AZOTA_SOLUTIONS = "Lời giải"
