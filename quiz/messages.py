"""Every learner- and author-visible string, in Vietnamese, in one place.

Templates use `str.format` fields. An English UI would be a second module with the same names.
Keep code and comments in English; keep these strings NFC.
"""

from __future__ import annotations

# --- loading banks (quiz bank check) -------------------------------------------------
NOT_A_MAPPING = "tệp phải là một mapping YAML (bank, title, questions)"
MISSING_KEY = "thiếu khoá bắt buộc `{key}`"
ADD_KEY = "thêm `{key}: …`"
UNKNOWN_KEY = "khoá không hợp lệ `{key}`"
DID_YOU_MEAN = "có phải ý bạn là `{suggestion}`?"
KNOWN_KEYS = "các khoá hợp lệ: {keys}"
KEY_NOT_FOR_TYPE = "khoá `{key}` không dùng cho câu hỏi loại `{type}`"
KEY_NOT_FOR_TYPE_FIX = "bỏ khoá này (loại `{type}` dùng: {keys})"
DUPLICATE_KEY = "khoá `{key}` xuất hiện hai lần"
DUPLICATE_KEY_FIX = "giữ một khoá `{key}` duy nhất"
BAD_ID = "id `{value}` không hợp lệ"
BAD_ID_FIX = "chỉ dùng chữ thường a-z, số 0-9 và dấu '-', ví dụ `{suggestion}`"
DUPLICATE_QUESTION_ID = "id câu hỏi `{id}` trùng với câu ở dòng {line}"
DUPLICATE_SOURCE_ID = "id nguồn `{id}` trùng với nguồn ở dòng {line}"
DUPLICATE_FIX = "đặt một id khác, chưa dùng"
DUPLICATE_BANK_ID = "id ngân hàng `{id}` đã dùng trong {other}"
DUPLICATE_BANK_FIX = "mỗi ngân hàng cần một id riêng"
EXPECTED_TEXT = "`{key}` phải là một chuỗi văn bản"
EXPECTED_LIST = "`{key}` phải là một danh sách"
EXPECTED_LIST_FIX = "viết dạng `{key}: [a, b]` hoặc mỗi mục một dòng bắt đầu bằng '- '"
EXPECTED_MAPPING = "mỗi mục của `{key}` phải là một mapping (các cặp khoá: giá trị)"
EMPTY_TEXT = "`{key}` không được để trống"
YAML_BOOL_TRAP = "`{key}: {raw}` bị YAML đọc thành giá trị đúng/sai, không phải chữ"
YAML_NULL_TRAP = "`{key}: {raw}` bị YAML đọc thành rỗng (null)"
YAML_DATE_TRAP = "`{key}: {raw}` bị YAML đọc thành ngày tháng, không phải chữ"
YAML_NUMBER_TRAP = "`{key}: {raw}` bị YAML đọc thành số, không phải chữ"
QUOTE_IT = 'đặt trong ngoặc kép: `{key}: "{raw}"`'
QUOTE_OR_DATE = 'đặt trong ngoặc kép (`{key}: "{raw}"`) hoặc dùng `type: date`'
CONTROL_CHAR = "`{key}` chứa ký tự điều khiển {char}"
CONTROL_CHAR_FIX = "xoá ký tự đó (mã màu ANSI và ký tự điều khiển có thể phá terminal người học)"
BAD_TYPE = "loại câu hỏi `{value}` không tồn tại"
BAD_TYPE_FIX = "dùng một trong: {types}"
NO_QUESTIONS = "ngân hàng chưa có câu hỏi nào"
NO_QUESTIONS_FIX = "thêm ít nhất một câu dưới `questions:`"
UNKNOWN_SOURCE = "nguồn `{value}` không có trong `sources` của ngân hàng"
UNKNOWN_SOURCE_FIX = "dùng một trong: {ids}"
NO_SOURCES_FIX = "khai báo nguồn trong `sources:` (id, title, file)"
CHOICES_COUNT = "`{key}` cần từ 2 đến 8 lựa chọn (đang có {count})"
CHOICES_COUNT_FIX = "thêm hoặc bớt lựa chọn"
CHOICES_DUPLICATE = "lựa chọn `{value}` bị lặp"
CHOICES_DUPLICATE_FIX = "mỗi lựa chọn phải khác nhau"
ANSWER_NOT_IN_CHOICES = "đáp án `{value}` không có trong `choices`"
ANSWER_NOT_IN_CHOICES_FIX = "chép đúng nguyên văn một lựa chọn"
MULTI_EMPTY = "`answer` của câu `multi` phải là danh sách không rỗng các lựa chọn đúng"
MULTI_EMPTY_FIX = "ví dụ `answer: [A, C]`"
NUMBER_EXPECTED = "`{key}: {raw}` không phải là một số"
NUMBER_EXPECTED_FIX = "viết số thuần, ví dụ `245` hoặc `0.6` (dấu chấm thập phân, không ngăn cách hàng nghìn)"
NUMBER_LEADING_ZERO = "`{key}: {raw}` có số 0 ở đầu: YAML có thể đọc thành số bát phân hoặc chữ"
NUMBER_LEADING_ZERO_FIX = "bỏ số 0 ở đầu, ví dụ `{key}: {fixed}`"
NUMBER_AMBIGUOUS = "`{key}: {raw}` mơ hồ: dấu chấm là dấu thập phân trong YAML ({raw} = {value})"
NUMBER_AMBIGUOUS_FIX = "nếu là hàng nghìn, viết `{thousands}`; nếu là số thập phân, bỏ số 0 thừa ở cuối"
TOLERANCE_NEGATIVE = "`tolerance` không được âm"
DATE_EXPECTED = "`answer: {raw}` không phải ngày hợp lệ"
DATE_EXPECTED_FIX = 'viết `"YYYY-MM-DD"`, `"YYYY-MM"` hoặc `"YYYY"`, ví dụ `"2019-02-18"`'
DATE_WITH_TIME = "`answer: {raw}` có cả giờ; câu `date` chỉ hỏi ngày"
BOOL_EXPECTED = "`answer` của câu `truefalse` phải là `true` hoặc `false` (đang là `{raw}`)"
BOOL_EXPECTED_FIX = "viết `answer: true` (đúng) hoặc `answer: false` (sai)"
BOOL_EXPECTED_BOOL = "`{key}` phải là `true` hoặc `false`"
CLOZE_NO_BLANK = "`text` của câu `cloze` chưa có chỗ trống nào"
CLOZE_NO_BLANK_FIX = "đánh dấu chỗ trống bằng `{{đáp án}}`, nhiều đáp án được chấp nhận: `{{a|b}}`"
CLOZE_EMPTY_BLANK = "chỗ trống thứ {n} rỗng"
CLOZE_EMPTY_BLANK_FIX = "viết đáp án vào giữa `{{` và `}}`"
CLOZE_UNBALANCED = "dấu `{{` và `}}` không cân đối trong `text`"
CLOZE_UNBALANCED_FIX = "mỗi chỗ trống mở bằng `{{` và đóng bằng `}}`"
ORDER_COUNT = "`items` cần từ 2 đến 8 mục (đang có {count})"
ORDER_COUNT_FIX = "liệt kê các mục theo đúng thứ tự"
DATE_SOURCE_EXPECTED = "`published: {raw}` không phải ngày hợp lệ"
UNSAFE_FILE = "`file: {value}` phải là tên tệp tương đối, nằm trong thư mục nguồn"
UNSAFE_FILE_FIX = "bỏ đường dẫn tuyệt đối và `..`, ví dụ `file: 000_bai-bao.txt`"
FILE_UNREADABLE = "không đọc được tệp: {error}"
FILE_UNREADABLE_FIX = "kiểm tra đường dẫn và quyền đọc"
BAD_LANGUAGE = "mã ngôn ngữ `{value}` không hợp lệ"
LANGUAGE_FIX = "dùng mã ngôn ngữ ngắn, ví dụ `vi`"

# --- grounding (quiz bank check --sources) -------------------------------------------
QUOTE_NOT_FOUND = "trích dẫn không có nguyên văn trong nguồn `{file}`"
QUOTE_NOT_FOUND_FIX = "chép đúng từng ký tự từ bài báo (chỉ khoảng trắng được phép khác)"
QUOTE_NEAREST = "đoạn gần nhất trong nguồn: «{text}»"
ANSWER_NOT_IN_QUOTE = "đáp án `{value}` không có trong trích dẫn"
ANSWER_NOT_IN_QUOTE_FIX = "trích đoạn có chứa đáp án, hoặc sửa đáp án cho đúng với nguồn"
SOURCE_FILE_MISSING = "không tìm thấy tệp nguồn `{path}`"
SOURCE_FILE_MISSING_FIX = "đặt bài báo vào thư mục nguồn hoặc sửa `file:`"
SOURCE_NO_FILE = "nguồn `{id}` không có `file:` nên không kiểm tra được trích dẫn"
SOURCE_NO_FILE_FIX = "thêm `file: <tên tệp bài báo>` vào nguồn"
QUOTE_NO_SOURCE = "câu có `quote` nhưng không có `source`"
QUOTE_NO_SOURCE_FIX = "thêm `source: <id nguồn>`"

# --- resolving banks -----------------------------------------------------------------
UNKNOWN_BANK = "không tìm thấy ngân hàng `{name}` trong {folder}"
UNKNOWN_BANK_HINT = "các ngân hàng có sẵn: {ids} (xem `quiz bank list`)"
NO_BANKS = "không có ngân hàng câu hỏi nào trong {folder}"
BANK_OUTSIDE = "`{name}` nằm ngoài thư mục ngân hàng {folder}"
INVALID_BANKS = "{count} lỗi trong ngân hàng câu hỏi; chạy `quiz bank check` để xem và sửa"
UNKNOWN_QUESTION = "ngân hàng `{bank}` không có câu `{id}`"
PATH_NOT_FOUND = "không tìm thấy `{path}`"

# --- bank check / list / show --------------------------------------------------------
CHECK_OK = "✓ {files} tệp, {banks} ngân hàng, {questions} câu hỏi: không có lỗi"
CHECK_OK_SOURCES = "✓ {files} tệp, {banks} ngân hàng, {questions} câu hỏi, {quotes} trích dẫn đã đối chiếu nguồn: không có lỗi"
CHECK_FAILED = "✗ {count} lỗi trong {files} tệp"
LIST_TITLE = "Ngân hàng câu hỏi ({folder})"
COL_ID = "id"
COL_TITLE = "tên"
COL_QUESTIONS = "số câu"
COL_FILE = "tệp"
TYPE_LABELS = {
    "choice": "chọn một",
    "multi": "chọn nhiều",
    "text": "điền chữ",
    "number": "điền số",
    "date": "điền ngày",
    "truefalse": "đúng/sai",
    "cloze": "điền chỗ trống",
    "order": "sắp xếp",
}
SHOW_ANSWER = "Đáp án"
SHOW_ACCEPT = "Cũng chấp nhận"
SHOW_SOURCE = "Nguồn"
SHOW_QUOTE = "Trích dẫn"
SHOW_EXPLANATION = "Giải thích"
SHOW_TAGS = "Thẻ"
SHOW_TOLERANCE = "sai số cho phép ±{value}"
TRUE = "Đúng"
FALSE = "Sai"
ERROR_PREFIX = "lỗi"
