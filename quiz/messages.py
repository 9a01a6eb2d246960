"""Every learner- and author-visible string, in Vietnamese, in one place.

Templates use `str.format` fields. An English UI would be a second module with the same names.
Keep code and comments in English; keep these strings NFC.
"""

from __future__ import annotations

import errno as _errno


class Text(str):
    """A catalogue string that remembers its key: `code` is stable, the wording may change.

    `Text.format` keeps the code, so a problem built from `M.MISSING_KEY.format(key=…)` still says
    which message it is (`missing_key`); tests check codes, not wording.
    """

    code: str

    def __new__(cls, value: str, code: str) -> Text:
        text = super().__new__(cls, value)
        text.code = code
        return text

    def format(self, *args: object, **kwargs: object) -> Text:
        return Text(str.format(self, *args, **kwargs), self.code)


def code_of(text: str) -> str | None:
    """The catalogue key a message was made from, or None for text from elsewhere."""
    return getattr(text, "code", None)


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
UNORDERED_BAD = "`unordered` phải là `true` hoặc danh sách các nhóm chỗ trống (số thứ tự 1 đến {count}, mỗi nhóm ít nhất hai, không trùng)"
UNORDERED_BAD_FIX = "ví dụ `unordered: [[2, 3, 4]]`: chỗ trống 2, 3 và 4 điền theo thứ tự nào cũng được"
SIBLING_UNKNOWN = "`siblings` nêu `{id}`, không phải một câu hỏi khác của ngân hàng này"
SIBLING_UNKNOWN_FIX = "ghi id của những câu khác trong cùng ngân hàng không được hỏi chung một phiên"
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

FILE_TOO_BIG = "tệp quá lớn ({size:,} byte, giới hạn {limit:,} byte)"
FILE_TOO_BIG_FIX = "chia ngân hàng thành nhiều tệp nhỏ hơn hoặc đặt QUIZ_MAX_BANK_BYTES"
NOT_UTF8 = "tệp không phải UTF-8"
NOT_UTF8_FIX = "lưu lại tệp với mã hoá UTF-8"
YAML_ALIAS = "không cho phép alias YAML (*{name})"
YAML_ANCHOR = "không cho phép anchor YAML (&{name})"
YAML_ANCHOR_FIX = "viết đầy đủ nội dung thay vì dùng & và *"
YAML_TAG = "không cho phép tag YAML ({tag})"
YAML_TAG_FIX = "bỏ tag; chỉ dùng chuỗi, số, danh sách"
YAML_KEY_NOT_TEXT = "khoá của mapping phải là chuỗi"
YAML_MERGE_KEY = "không cho phép khoá gộp YAML (<<)"
YAML_MERGE_KEY_FIX = "viết đầy đủ các khoá"
YAML_INVALID_FIX = "kiểm tra thụt lề, dấu ':' và dấu ngoặc kép"
YAML_TOO_DEEP = "YAML lồng nhau quá {depth} tầng"
YAML_ONE_DOCUMENT = "tệp có nhiều hơn một tài liệu YAML (---)"
YAML_ONE_DOCUMENT_FIX = "mỗi tệp chỉ chứa một ngân hàng"
YAML_EMPTY = "tệp rỗng"
YAML_EMPTY_FIX = "một ngân hàng cần các khoá bank, title và questions"
CONTROL_IN_FILE = "ký tự điều khiển {char} không được phép"
ESC_NOTE = " (ESC, mã điều khiển terminal ANSI)"

# --- judging (shown after an answer) ----------------------------------------------------
DETAIL_DIACRITICS = "Thiếu dấu: đáp án đúng là «{expected}»"
DETAIL_DIACRITICS_ACCEPTED = "Đúng (không dấu): viết có dấu là «{expected}»"
DETAIL_MARKS = "Gần đúng (sai dấu): đáp án đúng là «{expected}»"
DETAIL_TYPO = "Gần đúng (lỗi gõ): đáp án đúng là «{expected}»"
DETAIL_TONE = "Đúng (chỉ khác cách viết dấu thanh hoặc i/y): «{expected}»"
DETAIL_NOT_A_NUMBER = "Không đọc được số trong câu trả lời"
DETAIL_NOT_A_DATE = "Không đọc được ngày tháng (viết ngày trước, ví dụ 18/2/2019)"
DETAIL_NEED_DAY = "Cần trả lời đủ ngày, tháng và năm"
DETAIL_NEED_MONTH = "Cần trả lời đủ tháng và năm"
DETAIL_BLANK = "Chỗ trống {n}: {detail}"
DETAIL_BLANK_WRONG = "Chỗ trống {n} sai: đáp án đúng là «{expected}»"
DETAIL_BLANK_COUNT = "Cần điền đủ {count} chỗ trống"
DETAIL_MISSED = "Còn thiếu: {options}"
DETAIL_EXTRA = "Chọn thừa: {options}"

# --- the learner's preferences (quiz config) -------------------------------------------
PREFERENCES_DAMAGED = "tệp tuỳ chọn {path} bị hỏng (không phải một đối tượng JSON): sửa hoặc xoá tệp này"
PREFERENCES_UNREADABLE = "không đọc được tệp tuỳ chọn {path}: {reason}"
PREFERENCES_UNWRITABLE = "không ghi được tệp tuỳ chọn {path}: {reason}"
CONFIG_ACCEPT_NO_DIACRITICS = "Tính câu trả lời không dấu là đúng: {value}"
CONFIG_ON = "bật"
CONFIG_OFF = "tắt"
CONFIG_SAVED = "Đã lưu tuỳ chọn vào {path}"
CONFIG_FILE = "Tệp tuỳ chọn: {path}"

# --- grounding (quiz bank check --sources) -------------------------------------------
QUOTE_NOT_FOUND = "trích dẫn không có nguyên văn trong nguồn `{file}`"
QUOTE_NOT_FOUND_FIX = (
    "chép đúng từng chữ từ bài báo (chỉ khoảng trắng, kiểu dấu ngoặc kép và gạch ngang được phép khác)"
)
QUOTE_NEAREST = "đoạn gần nhất trong nguồn: «{text}»"
QUOTE_DIFFERS = "trích dẫn viết «{quote}», bài báo viết «{article}»"
QUOTE_NOTHING_NEAR = "không thấy đoạn nào giống trong nguồn — kiểm tra `source` và tệp bài báo"
ANSWER_NOT_IN_QUOTE = "đáp án `{value}` không có trong trích dẫn"
ANSWER_NOT_IN_QUOTE_FIX = "trích đoạn có chứa đáp án, hoặc sửa đáp án cho đúng với nguồn"
SOURCE_FILE_MISSING = "không tìm thấy tệp nguồn `{path}`"
SOURCE_FILE_MISSING_FIX = "đặt bài báo vào thư mục nguồn hoặc sửa `file:`"
SOURCE_NO_FILE = "nguồn `{id}` không có `file:` nên không kiểm tra được trích dẫn"
SOURCE_NO_FILE_FIX = "thêm `file: <tên tệp bài báo>` vào nguồn"
QUOTE_NO_SOURCE = "câu có `quote` nhưng không có `source`"
QUOTE_NO_SOURCE_FIX = "thêm `source: <id nguồn>`"

# --- bank quality check (warnings of `quiz bank check`; errors with --strict) -------------
WARNING_LABEL = "cảnh báo"
ANSWER_IN_PROMPT = "đề bài in đáp án của câu `{other}` («{answer}»)"
ANSWER_IN_PROMPT_FIX = (
    "bỏ «{answer}» khỏi đề bài, hoặc nếu hai câu buộc phải chung dữ kiện thì khai báo `siblings: [{other}]`"
)
ANSWER_IN_OWN_PROMPT = "đề bài chứa chính đáp án («{answer}»)"
ANSWER_IN_OWN_PROMPT_FIX = "viết lại đề bài để không lộ đáp án"
SAMPLES_LEFT = "còn {count} câu mẫu của `quiz bank new` (thẻ `mẫu`): {ids}"
SAMPLES_LEFT_FIX = "sửa mỗi câu mẫu cho đúng bài của bạn rồi bỏ thẻ `draft` và `mẫu`, hoặc xóa câu đó"
NO_QUOTES_CHECKED = "không có trích dẫn nào để đối chiếu với nguồn"
NO_QUOTES_CHECKED_FIX = "thêm `source` và `quote` (đoạn nguyên văn có chứa đáp án) cho các câu, và `file` cho nguồn trong `sources`"
ID_HAS_ANSWER = "id chứa đáp án («{answer}»)"
ID_HAS_ANSWER_FIX = "đặt id theo điều câu hỏi hỏi, không theo đáp án, ví dụ `{suggestion}` (đổi id thì tiến độ cũ của câu không còn)"
RIGHT_OPTION_LONGEST = "đáp án đúng là lựa chọn dài nhất ở {count}/{total} câu chọn một ({ids})"
RIGHT_OPTION_LONGEST_FIX = "viết các phương án nhiễu dài tương đương, hoặc rút gọn đáp án đúng"
PROMPT_TOO_LONG = "đề bài dài {length} ký tự (quá {limit})"
PROMPT_TOO_LONG_FIX = "rút gọn đề bài; phần giải thích để ở `explanation`"
TRUEFALSE_GIVEAWAY = "mệnh đề sai có từ tuyệt đối «{word}»: người học đoán được là sai"
TRUEFALSE_GIVEAWAY_FIX = "tạo mệnh đề sai bằng cách đổi một dữ kiện thật lấy một dữ kiện thật khác cùng loại"
CLOZE_SHARE = "{count}/{total} câu ({percent}%) là điền chỗ trống (quá {limit}%)"
CLOZE_SHARE_FIX = (
    "chỉ dùng `cloze` khi chính câu chữ là dữ kiện (khẩu hiệu, công thức); hỏi dữ kiện bằng loại câu khác"
)
CHECK_WARNINGS = "⚠ {count} cảnh báo chất lượng (`--strict` để coi là lỗi)"

# --- resolving banks -----------------------------------------------------------------
UNKNOWN_BANK = "không tìm thấy ngân hàng `{name}` trong {folder}"
UNKNOWN_BANK_HINT = "các ngân hàng có sẵn: {ids} (xem `quiz bank list`)"
BANK_BROKEN = (
    "ngân hàng `{name}` có trong {path} nhưng tệp có lỗi nên không nạp được"
    " — chạy `quiz bank check {path}` để xem lỗi và dòng cần sửa"
)
SKIPPED_BANK = "bỏ qua {file} ({count} lỗi, chạy `quiz bank check` để sửa): {problem}"
NO_BANKS = "không có ngân hàng câu hỏi nào trong {folder}"
INVALID_BANKS = "{count} lỗi trong ngân hàng câu hỏi; chạy `{command}` để xem và sửa"
UNKNOWN_QUESTION = "ngân hàng `{bank}` không có câu `{id}`"
PATH_NOT_FOUND = "không tìm thấy `{path}`"

# --- bank check / list / show --------------------------------------------------------
CHECK_OK = "✓ {files} tệp, {banks} ngân hàng, {questions} câu hỏi: không có lỗi"
CHECK_OK_SOURCES = "✓ {files} tệp, {banks} ngân hàng, {questions} câu hỏi, {quotes} trích dẫn đã đối chiếu nguồn: không có lỗi"
CHECK_FAILED = "✗ {count} lỗi trong {files} tệp"
LIST_TITLE = "Ngân hàng câu hỏi ({folder})"
LIST_COUNT = "{count} câu"
LIST_TOTAL = "{banks} ngân hàng, {questions} câu hỏi"
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
DATE_LABELS = {"day": "điền ngày", "month": "điền tháng/năm", "year": "điền năm"}
SHOW_ANSWER = "Đáp án"
SHOW_ACCEPT = "Cũng chấp nhận"
OR = " hoặc "
SHOW_SOURCE = "Nguồn"
SHOW_QUOTE = "Trích dẫn"
SHOW_EXPLANATION = "Giải thích"
SHOW_TAGS = "Thẻ"
SHOW_TOLERANCE = "sai số cho phép ±{value}"
TRUE = "Đúng"
FALSE = "Sai"
ERROR_PREFIX = "lỗi"

# --- study and exam ------------------------------------------------------------------
SKIP_CHOICE = "(bỏ qua)"
PICK_ONE = "Chọn một đáp án:"
PICK_MANY = "Chọn mọi đáp án đúng:"
PICK_ORDER = "Xếp theo đúng thứ tự:"
SELECT_HELP = "gõ chữ cái hoặc số của đáp án (hay ↑↓ rồi Enter) · Esc bỏ qua"
CHECKBOX_HELP = "gõ chữ cái hoặc số để đánh dấu (hay ↑↓ và phím cách) · Enter trả lời · Esc bỏ qua"
TRUEFALSE_HELP = "đ (hoặc d) đúng · s sai · Esc bỏ qua"
ORDER_HELP = "gõ số của mục đứng tiếp theo (hay ↑↓ rồi Enter) · ⌫ lùi lại · Esc bỏ qua"
ORDER_READY = "Enter trả lời · ⌫ lùi lại · Esc bỏ qua"
TEXT_HELP = "Enter trả lời · để trống hoặc Esc bỏ qua"
CLOZE_HELP = "Enter sang chỗ trống tiếp (ở chỗ cuối: trả lời) · Tab ↑↓ di chuyển · Esc bỏ qua câu"
PICK_TRUEFALSE = "Đúng hay sai?"
TYPE_TEXT = "Trả lời:"
TYPE_NUMBER = "Số:"
DATE_INPUTS = {"day": "Ngày (ngày/tháng/năm):", "month": "Tháng (tháng/năm):", "year": "Năm:"}
CLOZE_FORM = "Điền {count} chỗ trống:"
PLAIN_PROMPT = "› "
PLAIN_ECHO = "› {answer}"
KEY_NEXT = "Enter tiếp"
KEY_OVERRULE = "d Tôi đúng"
KEY_UNDO = "u hoàn tác"
HINT_CHOICE = (
    "Chưa đọc được câu trả lời: gõ một chữ cái từ a đến {last} (hoặc số 1–{count}); để trống để bỏ qua."
)
HINT_MULTI = "Chưa đọc được câu trả lời: gõ các chữ cái a–{last} (hoặc số) cách nhau bởi dấu cách, ví dụ `a c`; để trống để bỏ qua."
HINT_ORDER = "Chưa đọc được thứ tự: gõ đủ {count} số, mỗi số một lần, ví dụ `{example}`; để trống để bỏ qua."
HINT_TRUEFALSE = "Chưa đọc được câu trả lời: gõ đ (đúng) hoặc s (sai); để trống để bỏ qua."
HINT_NUMBER = (
    "Chưa đọc được số: viết bằng chữ số (245) hoặc bằng chữ (hai trăm bốn mươi lăm); để trống để bỏ qua."
)
HINT_DATE = {
    "day": "Chưa đọc được ngày: viết đủ ngày/tháng/năm, ví dụ 18/2/2019; để trống để bỏ qua.",
    "month": "Chưa đọc được: viết tháng/năm, ví dụ 2/2019; để trống để bỏ qua.",
    "year": "Chưa đọc được năm: viết bằng số, ví dụ 2019; để trống để bỏ qua.",
}
SELF_RATE_QUESTION = "Bạn thấy câu này thế nào?"
SELF_RATE_GOOD = "Vừa (mặc định)"
SELF_RATE_EASY = "Dễ"
SELF_RATE_HARD = "Khó"
SELF_RATE_HELP = "gõ chữ cái hoặc số (hay ↑↓ rồi Enter) · Esc: Vừa"
TIME_UP = "⏱ Hết giờ."
REPEAT_LINE = "↻ Hỏi lại câu bạn vừa trả lời sai:"
UNREADABLE = "Chưa đọc được câu trả lời; trả lời lại, hoặc để trống để bỏ qua."
UNREADABLE_LINE = "«{text}» — {hint}"
PLAIN_AFTER_VERDICT = "(bạn đúng? gõ `!d` · hoàn tác: `!u`)"
CANNOT_CORRECT = "(`!d` chỉ dùng sau câu bị chấm sai hoặc gần đúng; `!u` sau câu đã trả lời)"
OVERRULED = "✓ Tôi đúng: đã tính là đúng, lịch ôn được tính lại."
UNDONE = "↶ Đã hoàn tác câu trả lời; hãy trả lời lại."
MISSED_HEADER = "Các câu đã trả lời sai ({count}):"
MISSED_ANSWER = "Đáp án: {answer}"
MISSED_RECOVERED = " (hỏi lại đã đúng)"
POSITION = "Câu {n}/{total} · {bank} · {kind}"
SKIPPED = "– Bỏ qua."
SKIPPED_LINE = "– Bỏ qua. Đáp án: {answer}"
VERDICT_LINE = {
    "correct": "✓ Đúng: {expected}",
    "almost": "≈ Gần đúng: {expected}",
    "wrong": "✗ Sai. Đáp án: {expected}",
}
# a true/false verdict says what the statement is: "✓ Đúng — mệnh đề đúng", "✗ Sai — mệnh đề sai"
VERDICT_TRUEFALSE = {"correct": "✓ Đúng — mệnh đề {truth}", "wrong": "✗ Sai — mệnh đề {truth}"}
TRUTH_WORDS = {True: "đúng", False: "sai"}
SESSION_START = "{count} câu: {due} đến hạn, {new} mới. Bỏ trống để bỏ qua, Ctrl-C để dừng (mọi câu đã trả lời đều được lưu)."
CRAM_START = "Ôn tự do {count} câu (không theo lịch). Ctrl-C để dừng."
SUMMARY = "Đã trả lời {answered} câu: {correct} đúng, {almost} gần đúng, {wrong} sai; {skipped} bỏ qua."
NEXT_DUE = "Lần ôn tới: {when} · {count} câu đến hạn trong 24 giờ tới."
NEXT_DUE_NOW = "Còn {count} câu đến hạn ngay bây giờ: chạy lại `{command}`."
NOTHING_DUE = "Không có câu nào đến hạn và mỗi ngân hàng đã hết lượt câu mới hôm nay."
NOTHING_DUE_HINT = "Còn {count} câu mới chưa học: `{command}` · ôn tự do: `{cram}`"
NOTHING_LEFT = "Không có câu nào đến hạn và không còn câu mới nào."
NOTHING_LEFT_HINT = "Ôn tự do mọi câu: `{cram}`"
PROGRESS_SAVED = "Tiến độ được lưu trong {path}."
TIME_LEFT = "⏱ Còn {left}"
INTERRUPTED = "Đã dừng. Mọi câu đã trả lời đều đã được lưu."
NO_MATCH = "không có câu hỏi nào khớp với lựa chọn (ngân hàng: {banks}; thẻ: {tags})"
NO_MATCH_TAGS = "các thẻ có: {tags}"
EXAM_START = "Bài thi {count} câu{limit}. Không có đáp án cho tới khi nộp bài; bỏ trống để bỏ qua."
EXAM_LIMIT = ", thời gian {minutes} phút"
EXAM_SCORE = "Điểm: {score}/{total} câu đúng ({percent}%)."
EXAM_REVIEW = "Xem lại các câu sai, bỏ qua hoặc chưa trả lời:"
EXAM_YOUR_ANSWER = "✗ Sai — bạn trả lời: {given}"
EXAM_NO_ANSWER = "(không trả lời)"
EXAM_SKIPPED_REVIEW = "– Bỏ qua."
EXAM_UNANSWERED = "· Chưa trả lời (hết giờ hoặc dừng trước câu này)."
EXAM_RIGHT_ANSWER = "Đáp án: {expected}"
EXAM_BREAKDOWN = "{wrong} sai · {skipped} bỏ qua · {unanswered} chưa trả lời."
EXAM_SKIPPED = "– Bỏ qua: sẽ hỏi lại ở cuối bài nếu còn giờ."
EXAM_SECOND_ROUND = "Còn {count} câu đã bỏ qua — làm lại nếu còn giờ."
EXAM_TIME_UP = "⏱ Hết giờ: bài thi kết thúc, câu đang làm không được chấm."
EXAM_PASS = "✓ Đạt (ngưỡng {mark}%)."
EXAM_FAIL = "✗ Chưa đạt (ngưỡng {mark}%)."
BAD_NUMBER_OPTION = "`{option}` phải lớn hơn 0"
BAD_RETENTION = "`--retention` phải nằm trong khoảng 0,7 – 0,99"

# --- authoring (quiz bank new / add / draft / fmt) -----------------------------------
AUTHOR_BAD_BANK_ID = (
    "mã ngân hàng `{value}` không hợp lệ: chỉ dùng chữ thường a-z, số 0-9 và dấu '-' — thử `{suggestion}`"
)
AUTHOR_EXISTS = "`{path}` đã có, không ghi đè — chọn tên khác hoặc xóa tệp cũ trước"
AUTHOR_BANK_ID_TAKEN = "đã có ngân hàng `{id}` trong {path} — chọn mã khác"
AUTHOR_SOURCE_CONFLICT = "{path} đã có và khác nội dung bài báo — đổi tên tệp bài báo hoặc xóa tệp cũ"
AUTHOR_NO_QUESTIONS_LIST = "không tìm thấy danh sách `questions:` để thêm câu hỏi"
AUTHOR_FLOW_QUESTIONS = (
    "danh sách `questions:` không viết theo dạng khối (`- id: …`) — chạy `quiz bank fmt <tệp này>` trước"
)
AUTHOR_APPEND_FAILED = "thêm câu hỏi làm thay đổi các câu sẵn có nên tệp không được ghi"
AUTHOR_CHANGED = "{path} vừa bị sửa ở nơi khác trong lúc soạn; chạy lại lệnh"
AUTHOR_NOT_A_NUMBER = (
    "«{value}» không phải là một số — viết bằng chữ số như người Việt viết: 245, 1.000 (dấu chấm"
    " ngăn hàng nghìn) hoặc 0,6 (dấu phẩy thập phân); hoặc bằng chữ: bảy mươi"
)
AUTHOR_NEW_QUESTION_LINE = "{file} (câu mới, dòng {line} của câu)"
AUTHOR_ONE_BANK = "`{name}` là nhiều ngân hàng; hãy chỉ một ngân hàng (id hoặc tệp YAML)"
ARTICLE_UNREADABLE = "không đọc được bài báo `{path}`: {error}"
FMT_NOT_SAME = "bố cục chuẩn của {file} không nạp lại đúng ngân hàng cũ nên tệp không được ghi"
FMT_LOST_COMMENT = "bố cục chuẩn của {file} sẽ làm mất một chú thích (# …) nên tệp không được ghi"
NEW_DONE = "✓ Đã tạo {path} với {count} câu mẫu. Sửa hoặc xóa các câu mẫu, thêm câu bằng `{add}`, rồi chạy `{check}`."
NEW_SOURCE_COPIED = "Đã chép bài báo vào {path}"
ADD_DONE = "✓ Đã thêm câu `{id}` vào {path} (nay có {count} câu)."
ADD_NEEDS_TYPE = "cần `--type` ({types}) khi đầu vào không phải terminal; xem `quiz bank add --help`"
ADD_CANCELLED = "Đã hủy: tệp không thay đổi."
ADD_TAG_SUGGEST = (
    "⚠ thẻ `{typed}` gần giống thẻ đã có `{known}` trong ngân hàng — dùng `--tag {known}` nếu là một"
)
DRAFT_WROTE = "✓ Đã ghi bản nháp {count} câu vào {path}. Duyệt lại rồi chạy `quiz bank check {path}`."
FMT_DONE = "✓ Đã định dạng lại {path}."
FMT_ALREADY = "✓ {path} đã đúng bố cục chuẩn."
FMT_NEEDED = "✗ {path} chưa đúng bố cục chuẩn (chạy `quiz bank fmt {path}`)."

# the questionary form of `quiz bank add`
FORM_TYPE = "Loại câu hỏi:"
FORM_PROMPT = "Câu hỏi (như người học thấy):"
FORM_CLOZE_TEXT = "Đoạn văn có chỗ trống, viết {{đáp án}} hoặc {{đáp án|cách viết khác}}:"
FORM_CLOZE_PROMPT = "Lời dẫn trước đoạn văn (Enter để bỏ qua):"
FORM_CHOICE = "Lựa chọn {n} (Enter để kết thúc):"
FORM_CHOICE_ANSWER = "Đáp án đúng:"
FORM_MULTI_ANSWER = "Các đáp án đúng (Space để chọn, Enter để xong):"
FORM_ANSWER = "Đáp án:"
FORM_NUMBER_ANSWER = "Đáp án (số, ví dụ 245, 1.000 hoặc 0,6):"
FORM_DATE_ANSWER = "Đáp án (ngày trước: 18/2/2019, 12/2021 hoặc 2019):"
FORM_TRUEFALSE = "Nhận định này:"
FORM_ACCEPT = "Cách viết khác cũng chấp nhận {n} (Enter để kết thúc):"
FORM_TOLERANCE = "Sai số cho phép, ví dụ 5 hoặc 0,5 (Enter: 0):"
FORM_UNIT = "Đơn vị hiện sau ô trả lời, ví dụ chính đảng (Enter để bỏ qua):"
FORM_ITEM = "Mục {n}, theo đúng thứ tự (Enter để kết thúc):"
FORM_SOURCE = "Nguồn:"
FORM_NO_SOURCE = "(không có nguồn)"
FORM_QUOTE = "Trích dẫn nguyên văn từ bài, có chứa đáp án (Enter để bỏ qua):"
FORM_EXPLANATION = "Giải thích hiện sau khi trả lời (Enter để bỏ qua):"
FORM_TAGS = "Thẻ, cách nhau bởi dấu phẩy (Enter để bỏ qua):"
FORM_ID = "Mã câu hỏi:"
FORM_PREVIEW = "Người học sẽ thấy:"
FORM_CONFIRM = "Thêm câu này vào {path}?"
FORM_CONFIRM_ADD = "Thêm vào tệp"
FORM_CONFIRM_BACK = "Quay lại sửa"
FORM_CONFIRM_CANCEL = "Hủy, không thêm"
FORM_INTRO = "Gõ < rồi Enter để quay lại trường trước (mọi thứ đã gõ được giữ); Ctrl-C để hủy."
FORM_BACK_CHOICE = "‹ quay lại trường trước"
FORM_DUPLICATE = "«{value}» trùng lựa chọn {n}; các lựa chọn khác vẫn giữ"
FORM_MULTI_NONE = "đánh dấu ít nhất một đáp án đúng (Space)"
FORM_TAGS_KNOWN = "Thẻ đã có trong ngân hàng: {tags}"
FORM_TAG_SUGGEST = (
    "⚠ ngân hàng đã có thẻ «{known}» (bạn gõ «{typed}»): đã điền thẻ có sẵn — Enter để dùng, hoặc sửa lại."
)
FORM_RETRY = "✗ {message} — sửa rồi Enter, hoặc gõ < để quay lại trường trước."
FORM_SELECT_HINT = "(phím mũi tên để chọn, Enter để xác nhận)"
FORM_CHECKBOX_HINT = "(phím mũi tên để di chuyển, Space để đánh dấu, Enter để xong)"

# the starter bank written by `quiz bank new` ({{ }} are literal braces)
STARTER_DEFAULT_TITLE = "Ngân hàng {id}"
STARTER_NO_SOURCE = """\
# sources:                    # (không bắt buộc) các bài báo mà câu hỏi trích dẫn
#   - id: bai-viet            # mã nguồn, duy nhất trong ngân hàng; câu hỏi ghi `source: bai-viet`
#     title: Tên bài báo
#     publisher: baoquocte.vn # (không bắt buộc) nơi đăng
#     published: "2018-08-13" # (không bắt buộc) ngày đăng: YYYY-MM-DD, YYYY-MM hoặc YYYY
#     url: https://…          # (không bắt buộc)
#     file: bai-viet.txt      # (không bắt buộc) văn bản bài báo trong banks/sources/, để đối chiếu `quote`
"""
STARTER_SOURCE = """\
sources:                      # các bài báo mà câu hỏi trích dẫn
  - id: bai-viet              # mã nguồn, duy nhất trong ngân hàng; câu hỏi ghi `source: bai-viet`
    title: {title}
    # publisher: baoquocte.vn # (không bắt buộc) nơi đăng
    # published: "2018-08-13" # (không bắt buộc) ngày đăng: YYYY-MM-DD, YYYY-MM hoặc YYYY
    # url: https://…          # (không bắt buộc)
    # file: văn bản bài báo trong banks/sources/; `quiz bank check` đối chiếu mọi `quote` với nó
    file: {file}
"""
STARTER_BANK = """\
# Ngân hàng câu hỏi tạo bởi `quiz bank new`. Định dạng đầy đủ: docs/bank-format.md
# Dưới đây là một câu mẫu cho mỗi loại trong 8 loại câu hỏi (thẻ `draft` và `mẫu`: không được hỏi
# khi ôn tập, không tính trong báo cáo): sửa cho đúng bài của bạn rồi bỏ hai thẻ đó, hoặc xóa đi. Thêm câu không cần trình soạn thảo: quiz bank add {id}
# Kiểm tra: quiz bank check <tệp này>  ·  đối chiếu trích dẫn với bài báo: thêm --sources <thư mục sources/ cạnh tệp này>

# bank: mã ngân hàng (chữ thường a-z, số 0-9 và '-'), không trùng ngân hàng khác; title: tên hiện trong menu
bank: {id}
title: {title}
language: vi                  # ngôn ngữ (mặc định vi)
description: Mô tả ngắn nội dung ngân hàng.   # (không bắt buộc)
{sources}\
questions:                    # ít nhất một câu

  # Khóa chung của mọi câu:
  #   id           mã câu: a-z, 0-9, '-', duy nhất trong ngân hàng. Tiến độ học gắn với mã:
  #                đừng dùng lại một mã cho một ý khác.
  #   type         choice, multi, text, number, date, truefalse, cloze hoặc order
  #   prompt       câu hỏi như người học thấy (cloze thì không bắt buộc)
  #   source       (không bắt buộc) mã một nguồn trong `sources`
  #   quote        (không bắt buộc) đoạn trích NGUYÊN VĂN từ bài báo, có chứa đáp án
  #   explanation  (không bắt buộc) hiện sau khi người học trả lời
  #   tags         (không bắt buộc) danh sách thẻ để lọc và xem báo cáo

  # choice: chọn một đáp án
  - id: mau-chon-mot
    type: choice
    prompt: Ba trụ cột của công tác đối ngoại gồm Đối ngoại Đảng, Ngoại giao Nhà nước và trụ cột nào?
    choices:                  # 2–8 lựa chọn khác nhau
      - Đối ngoại nhân dân
      - Đối ngoại quốc phòng
      - Đối ngoại kinh tế
    answer: Đối ngoại nhân dân    # đúng nguyên văn một lựa chọn
    shuffle: true             # (mặc định true) xáo trộn thứ tự lựa chọn khi hỏi
    # source: bai-viet
    # quote: "…"
    explanation: Đối ngoại Đảng, Ngoại giao Nhà nước và Đối ngoại nhân dân là ba trụ cột của nền đối ngoại.
    tags: [draft, mẫu]

  # multi: chọn mọi đáp án đúng
  - id: mau-chon-nhieu
    type: multi
    prompt: Ba trụ cột của công tác đối ngoại là gì?
    choices: [Đối ngoại Đảng, Ngoại giao Nhà nước, Đối ngoại nhân dân, Đối ngoại quốc phòng]
    answer: [Đối ngoại Đảng, Ngoại giao Nhà nước, Đối ngoại nhân dân]   # các lựa chọn đúng
    tags: [draft, mẫu]

  # text: gõ câu trả lời; bỏ dấu, sai chính tả nhỏ, cách đặt dấu thanh cũ/mới vẫn được chấp nhận
  - id: mau-dien-chu
    type: text
    prompt: Chỉ thị nào của Bộ Chính trị (2019) về "Tăng cường và nâng cao hiệu quả quan hệ đối ngoại đảng trong tình hình mới"?
    answer: Chỉ thị 32-CT/TW
    accept: ["32-CT/TW"]      # (không bắt buộc) cách viết khác cũng đúng
    tags: [draft, mẫu]

  # number: gõ một số (1.000 = một nghìn, 0,6 = không phẩy sáu)
  - id: mau-dien-so
    type: number
    prompt: Theo Trưởng Ban Đối ngoại Trung ương (8/2018), Đảng ta có quan hệ với bao nhiêu chính đảng?
    answer: 245
    tolerance: 0              # (mặc định 0) sai số cho phép
    unit: chính đảng          # (không bắt buộc) hiện sau ô trả lời
    tags: [draft, mẫu]

  # date: gõ ngày, ngày trước tháng; hỏi đến ngày, tháng hay năm tùy đáp án viết đến đâu
  - id: mau-dien-ngay
    type: date
    prompt: Chỉ thị 32-CT/TW của Bộ Chính trị được ban hành ngày nào?
    answer: "2019-02-18"      # YYYY-MM-DD, YYYY-MM hoặc YYYY
    tags: [draft, mẫu]

  # truefalse: đúng hay sai
  - id: mau-dung-sai
    type: truefalse
    prompt: Đối ngoại Đảng là một trong ba trụ cột của công tác đối ngoại.
    answer: true              # true (đúng) hoặc false (sai)
    tags: [draft, mẫu]

  # cloze: điền vào chỗ trống; mỗi {{{{…}}}} là một chỗ trống, {{{{a|b}}}} chấp nhận a hoặc b
  - id: mau-dien-cho-trong
    type: cloze
    prompt: Điền vào chỗ trống   # (không bắt buộc) lời dẫn
    text: 'Bản sắc "cây tre Việt Nam": "{{{{gốc vững}}}}, {{{{thân chắc}}}}, {{{{cành uyển chuyển}}}}"'
    tags: [draft, mẫu]

  # order: sắp xếp; liệt kê các mục theo ĐÚNG thứ tự, khi hỏi chúng được xáo trộn
  - id: mau-sap-xep
    type: order
    prompt: Xếp các kỳ Đại hội Đảng sau theo thứ tự thời gian
    items: [Đại hội XI, Đại hội XII, Đại hội XIII]   # 2–8 mục
    tags: [draft, mẫu]
"""

# --- report (quiz report) ------------------------------------------------------------
REPORT_TITLE = "Tiến độ học — {when}"
REPORT_EMPTY = "Chưa có lượt ôn nào."
REPORT_EMPTY_HINT = "Bắt đầu bằng lệnh `quiz study` (mỗi ngày vài câu mới, ôn lại đúng lúc sắp quên)."
REPORT_TOTALS = (
    "{questions} câu: {new} mới · {learning} đang học · {mastered} đã thuộc · {due_now} đến hạn ôn"
)
REPORT_DUE_TODAY = "trong hôm nay: {count}"
REPORT_ANSWERS = "Đã trả lời {reviews} lượt, đúng {correct} ({accuracy}) · chuỗi ngày học: {streak} ngày"
REPORT_RETENTION = "Tỉ lệ nhớ thật: 7 ngày {r7} · 30 ngày {r30}"
REPORT_RATE = "{rate} ({correct}/{reviews})"
REPORT_NONE = "—"
REPORT_MASTERED_NOTE = "Đã thuộc: dự kiến vẫn nhớ sau 3 tuần nữa."
REPORT_RETENTION_NOTE = "Tỉ lệ nhớ thật: tỉ lệ trả lời đúng khi ôn lại những câu đã qua các bước học."
REPORT_BANKS = "Theo ngân hàng"
REPORT_TAGS = "Theo thẻ"
REPORT_TOTAL_ROW = "Tổng"
COL_BANK = "ngân hàng"
COL_TAG = "thẻ"
COL_COUNT = "câu"
COL_NEW = "mới"
COL_LEARNING = "đang học"
COL_MASTERED = "đã thuộc"
COL_DUE = "đến hạn"
COL_REVIEWS = "lượt"
COL_ACCURACY = "đúng"
COL_LAST = "lần cuối"
REPORT_FORECAST = "Số câu đến hạn ôn trong 14 ngày tới"
REPORT_TODAY = "hôm nay"
REPORT_HEATMAP = "Số lượt trả lời mỗi ngày, 12 tuần qua"
REPORT_HEAT_LEGEND = "ít {scale} nhiều"
REPORT_HEAT_TOTAL = "{reviews} lượt trong {days} ngày học"
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
REPORT_WEAKEST = "Các câu yếu nhất"
REPORT_WEAKEST_NONE = "Chưa có câu nào trả lời sai hay bị quên."
REPORT_WEAK_LINE = "sai {wrong}/{reviews} · {lapses} lần quên · {due}"
REPORT_WEAK_ANSWER = "Đáp án: {answer}"
REPORT_WEAK_DUE_NOW = "ôn lại ngay bây giờ"
REPORT_WEAK_DUE_AT = "ôn lại lúc {when}"
REPORT_WEAK_NO_DUE = "chưa có lịch ôn (mới trả lời trong bài thi)"
REPORT_FROM_PATH = "{bank}: đọc từ {path}, nơi đã học (ngoài thư mục ngân hàng)"
REPORT_MISSING_BANKS = "Ngân hàng đã học từ tệp nay không đọc được (không tính vào tổng)"
REPORT_MISSING_LINE = (
    "{bank}: {path} — {why}; {reviews} lượt trả lời cho {questions} câu, học lần cuối {seen}"
)
REPORT_MISSING_WHY = {
    "missing": "tệp không còn ở đó (đã xoá hoặc chuyển đi)",
    "invalid": "tệp có lỗi, chạy `quiz bank check {path}` để xem",
    "changed": "tệp nay chứa một ngân hàng khác",
}
REPORT_OVERRULED = "Câu bạn đã sửa lời chấm (Tôi đúng)"
REPORT_OVERRULED_LINE = "{count}/{reviews} lần trả lời được sửa thành đúng — tác giả nên thêm `accept`"
REPORT_ORPHANS = "Câu không còn trong ngân hàng (đã xoá hoặc đổi id; không tính vào tổng)"
REPORT_ORPHAN_LINE = "{bank}/{id}: {reviews} lượt, lần cuối {last}"
REPORT_HTML_WRITTEN = "Đã ghi báo cáo HTML: {path}"
REPORT_HTML_UNWRITABLE = "không ghi được tệp {path} ({reason})"
REPORT_HTML_TITLE = "Báo cáo tiến độ học"
REPORT_GENERATED = "Lập lúc {when}"
REPORT_PROGRESS_FILE = "Tệp tiến độ: {path}"
REPORT_NO_PROGRESS_FILE = "chưa có"

# --- exam plans, readiness, leeches (quiz plan, quiz study under a plan; issue 16) -----------------
PLAN_SAVED = "✓ Đã lưu kế hoạch ôn thi ngày {date}."
PLAN_ALL_BANKS = "mọi ngân hàng"
PLAN_NONE = "Chưa có kế hoạch ôn thi."
PLAN_NONE_HINT = "Lập kế hoạch: quiz plan 20/12/2026 --minutes 15"
PLAN_CLEARED = "✓ Đã kết thúc kế hoạch ôn thi ngày {date}; quiz study trở lại lịch ôn thường."
PLAN_NOTHING_TO_CLEAR = "Không có kế hoạch ôn thi nào đang chạy."
PLAN_HEADER = "Ôn thi ngày {date}: còn {days} ngày · {minutes} phút/ngày · {banks}"
PLAN_PACE = "Câu mới: còn {unseen}, {per_day} câu/ngày, giới thiệu hết trước {by}."
PLAN_PACE_DONE = "Mọi câu đều đã được giới thiệu."
PLAN_TODAY = "Hôm nay: {due} câu đến hạn, {new} câu mới; còn {left} phút (khoảng {fits} câu)."
PLAN_FINAL = "Giai đoạn cuối: ôn lại mọi câu có nguy cơ quên."
PLAN_FORECAST = "Dự báo ngày thi nếu dừng học hôm nay: nhớ {predicted} số câu ({low}–{high})."
PLAN_BAD_DATE = "Ngày thi {value} không hợp lệ: hãy ghi dạng 20/12/2026 hoặc 2026-12-20."
PLAN_PAST_DATE = "Ngày thi {date} phải sau hôm nay ({today})."
PLAN_EXAM_TODAY = "Hôm nay là ngày thi ({date}): chúc bạn thi tốt! Kết thúc kế hoạch: quiz plan --clear"
PLAN_SESSION_START = (
    "Theo kế hoạch thi ngày {date}: {minutes} phút hôm nay — {due} câu đến hạn, {new} câu mới,"
    " rồi những câu dễ quên nhất. Ctrl-C để dừng (mọi câu đã trả lời đều được lưu)."
)
PLAN_DAY_DONE = "Hôm nay đã học đủ {minutes} phút theo kế hoạch."
PLAN_TOMORROW = "Ngày mai: {due} câu đến hạn, {new} câu mới · còn {days} ngày đến kỳ thi."
PLAN_FIT_KEPT = (
    "Tham số FSRS khớp với {reviews} câu trả lời của bạn dự đoán tốt hơn mặc định: từ nay dùng chúng."
)
PLAN_FIT_DROPPED = (
    "Tham số FSRS khớp với {reviews} câu trả lời của bạn không dự đoán tốt hơn mặc định: giữ mặc định."
)
EXAM_PREDICTED = "Dự đoán trước khi thi: {predicted} · thực tế: {actual}."
LEECH_NOTE = "⚠ Câu này bạn đã quên {lapses} lần. Đọc kỹ lại giải thích và trích dẫn:"
LEECH_SUGGESTION = "Câu hay bị quên: viết lại lời hỏi cho rõ, tách thành những câu nhỏ hơn, hoặc thêm mẹo nhớ vào giải thích."
REPORT_READINESS = "Dự báo ngày {date}: nhớ {predicted} số câu (khoảng {low}–{high})"
REPORT_READINESS_NOTE = "Nếu không học thêm. Khoảng dự báo tính cả may rủi và sai số của FSRS khi dự đoán các câu trả lời của bạn."
REPORT_READINESS_TITLE = "Dự báo sẵn sàng cho kỳ thi"
REPORT_CALIBRATION = "Dự đoán và thực tế"
REPORT_CALIBRATION_LINE = "{answers} câu trả lời: FSRS dự đoán đúng {predicted}, thực tế đúng {actual}"
REPORT_CALIBRATION_NONE = "Chưa có câu trả lời nào kèm dự đoán để so sánh."
REPORT_EXAM_LINE = "Thi thử ngày {date}: dự đoán {predicted}, thực tế {actual} ({answers} câu)"
REPORT_RELIABILITY = (
    "Biểu đồ tin cậy: khả năng nhớ FSRS dự đoán (trục ngang) và tỉ lệ trả lời đúng thật (trục dọc)"
)
REPORT_LEECHES = "Câu hay quên (từ {lapses} lần quên trở lên)"
REPORT_LEECH_LINE = "{lapses} lần quên"
COL_PREDICTED = "dự báo"
COL_RANGE = "khoảng"

# --- quiz bank draft -----------------------------------------------------------------
DRAFT_NOTHING_FOUND = (
    "Không tìm thấy ngày tháng, con số, số hiệu văn bản hay trích dẫn nào trong bài viết để soạn câu hỏi."
)
DRAFT_DESCRIPTION = (
    "Câu hỏi nháp sinh tự động từ bài viết. Mọi câu hỏi mang thẻ draft: "
    "hãy đọc lại, sửa hoặc xóa từng câu, rồi bỏ thẻ draft để đưa vào ôn tập."
)
DRAFT_DATELINE_PROMPT = "Bài viết được đăng ngày nào?"
DRAFT_FILL_DATE_PROMPT = {
    3: "Điền ngày (ngày/tháng/năm) vào chỗ trống: {text}",
    2: "Điền tháng (tháng/năm) vào chỗ trống: {text}",
    1: "Điền năm vào chỗ trống: {text}",
}
DRAFT_ARTICLE_FALLBACK_TITLE = "Bài viết"
DRAFT_CHOOSE_BLANK_PROMPT = "Chọn đáp án đúng cho chỗ trống: {text}"


# --- YAML syntax, in our words (libyaml / PyYAML problems, any version) -------------------
# Each pattern is matched against the library's own English problem; the first match names the fault.
YAML_MAPPING_VALUE = "có dấu ':' ở chỗ không được có (một giá trị chứa ': ' mà không có ngoặc kép?)"
YAML_MAPPING_VALUE_FIX = 'đặt giá trị trong ngoặc kép, ví dụ `prompt: "Ngày: 18/2/2019"`'
YAML_TAB = "có ký tự tab trong phần thụt lề"
YAML_TAB_FIX = "YAML chỉ thụt lề bằng dấu cách: thay tab bằng hai dấu cách"
YAML_MISSING_COLON = "thiếu dấu ':' sau khoá"
YAML_MISSING_COLON_FIX = "viết `khoá: giá trị` (có dấu cách sau ':')"
YAML_UNCLOSED_QUOTE = "ngoặc kép chưa đóng"
YAML_UNCLOSED_QUOTE_FIX = 'đóng ngoặc kép ở cuối giá trị, hoặc viết \\" cho dấu ngoặc kép bên trong'
YAML_BAD_ESCAPE = "chuỗi trong ngoặc kép có ký tự thoát (\\) không hợp lệ"
YAML_BAD_ESCAPE_FIX = "viết \\\\ cho dấu \\, hoặc dùng ngoặc đơn '…'"
YAML_BAD_INDENT = "thụt lề không khớp với các dòng trên"
YAML_BAD_INDENT_FIX = "các khoá cùng cấp thẳng cột; mỗi câu hỏi bắt đầu bằng '- ' cùng một cột"
YAML_UNCLOSED_BRACKET = "danh sách `[…]` hoặc mapping `{…}` chưa đóng hoặc thiếu dấu phẩy"
YAML_UNCLOSED_BRACKET_FIX = "đóng ngoặc, ngăn các mục bằng dấu phẩy, và đặt mục có dấu phẩy trong ngoặc kép"
YAML_BAD_START = "giá trị bắt đầu bằng ký tự YAML dành riêng (` @ % hoặc tab)"
YAML_BAD_START_FIX = "đặt giá trị trong ngoặc kép"
YAML_DOCUMENT_MARKER = "có dấu phân cách tài liệu YAML (--- hoặc ...) ở giữa tệp"
YAML_DOCUMENT_MARKER_FIX = "bỏ dòng này, hoặc đặt giá trị bắt đầu bằng --- trong ngoặc kép"
YAML_SYNTAX = "cú pháp YAML không hợp lệ"

# --- hostile input: banks, files and stores from strangers (issue 15) ---------------------
OUT_OF_MEMORY = "không đủ bộ nhớ (một tệp hoặc một giá trị QUIZ_* quá lớn)"
INVISIBLE_NOTE = " (ký tự vô hình hoặc đổi chiều chữ)"
COMBINING_FLOOD = "`{key}` có {count} dấu kết hợp liền nhau (tối đa {limit})"
COMBINING_FLOOD_FIX = "mỗi chữ chỉ cần vài dấu: viết lại đoạn đó bằng chữ có dấu dựng sẵn (Unicode NFC)"
YAML_TOO_MANY_NODES = "tệp có quá nhiều phần tử YAML (hơn {limit}): không giống một ngân hàng câu hỏi"
YAML_TOO_MANY_NODES_FIX = "chia ngân hàng thành nhiều tệp nhỏ hơn"
NUMBER_TOO_LONG = "`{key}` có {digits} chữ số (tối đa {limit}): không phải con số một câu hỏi hỏi được"
NUMBER_TOO_LONG_FIX = "viết số ngắn hơn, hoặc đổi đơn vị (ví dụ `unit: tỉ USD`)"
NOT_REGULAR_FILE = "không phải tệp thường (FIFO, thiết bị hay socket): không đọc"
NOT_REGULAR_FILE_FIX = "chỉ đường dẫn tới một tệp thật"
PROBLEMS_MORE = "… và {count} lỗi khác không hiện (sửa các lỗi trên rồi chạy lại)"
LINK_OUTSIDE = "{file}: liên kết trỏ ra ngoài thư mục ngân hàng {folder}: bỏ qua, không đọc"
STORE_WAL_DAMAGED = (
    "{path}: tệp nhật ký {wal} bị hỏng ({where}): mở nó sẽ làm mất câu trả lời đã lưu; các tệp được giữ"
    " nguyên — chạy `quiz progress repair --progress {path} -o TỆP_MỚI` để cứu phần đọc được"
)
STORE_NOT_REGULAR = "{path}: không phải tệp thường (FIFO, thiết bị hay socket), không dùng làm tệp tiến độ"
STORE_WAL_FRAME = "khung {n}"
STORE_WAL_HEADER = "phần đầu tệp"
REPAIR_TARGET_EXISTS = "{path}: tệp đã có, không ghi đè; hãy chọn tên khác cho -o"
REPAIR_SAME_FILE = "{path}: tệp mới phải khác tệp tiến độ cũ (tệp cũ được giữ nguyên)"
REPAIR_NO_SOURCE = "{path}: không có tệp tiến độ này"
REPAIR_NOT_SQLITE = "{path}: không phải tệp tiến độ (không phải cơ sở dữ liệu SQLite), không có gì để cứu"
REPAIR_UNREADABLE = "{path}: không đọc được tệp tiến độ ({reason})"
REPAIR_UNWRITABLE = "{path}: không ghi được tệp mới ({reason})"
REPAIR_DONE = (
    "✓ Đã chép {reviews} câu trả lời ({reviews_lost} dòng hỏng bỏ qua) và lịch ôn của {cards} câu"
    " ({cards_lost} dòng hỏng bỏ qua) sang {path}; {old} giữ nguyên. Dùng tệp mới: --progress {path}"
)

# --- operating-system faults, in our words -------------------------------------------------
OS_ERRORS = {
    _errno.ENOENT: "không có tệp hoặc thư mục này",
    _errno.EACCES: "không có quyền",
    _errno.EPERM: "không được phép",
    _errno.EISDIR: "đây là một thư mục, không phải tệp",
    _errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    _errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    _errno.ENOSPC: "đĩa đầy",
    _errno.EDQUOT: "vượt hạn mức dung lượng đĩa",
    _errno.EROFS: "ổ đĩa chỉ đọc",
    _errno.ELOOP: "đường dẫn có vòng liên kết tượng trưng",
    _errno.EEXIST: "tệp đã có",
    _errno.EIO: "lỗi đọc ghi đĩa",
    _errno.EMFILE: "mở quá nhiều tệp",
    _errno.EBUSY: "tệp đang bận",
    _errno.ENXIO: "không mở được thiết bị này",
}
OS_ERROR_OTHER = "lỗi hệ điều hành (mã {errno})"
OS_ERROR_UNKNOWN = "lỗi đọc ghi"


def os_reason(exc: BaseException) -> str:
    """An OS error as a short Vietnamese reason (never the system's English `strerror`)."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return OS_ERRORS.get(number) or OS_ERROR_OTHER.format(errno=number)
    return OS_ERROR_UNKNOWN


# --- command-line usage errors (Click/Typer's own words, in ours) ---------------------------
USAGE_LINE = "{what} — xem `{command} --help`"
USAGE_NO_SUCH_OPTION = "không có tuỳ chọn {name}"
USAGE_DID_YOU_MEAN = "không có tuỳ chọn {name}; có phải ý bạn là {suggestion}?"
USAGE_NEEDS_VALUE = "tuỳ chọn {name} cần một giá trị"
USAGE_MISSING_ARGUMENT = "thiếu {name}"
USAGE_BAD_VALUE = "{name}: `{value}` {reason}"
USAGE_NO_SUCH_COMMAND = "không có lệnh `{name}`"
USAGE_MISSING_COMMAND = "thiếu lệnh"
USAGE_EXTRA_ARGUMENTS = "thừa đối số: {args}"
USAGE_OTHER = "dòng lệnh không hợp lệ"
USAGE_REASONS = {
    "int_parsing": "không phải số nguyên",
    "int_from_float": "không phải số nguyên",
    "float_parsing": "không phải số",
    "bool_parsing": "không phải có/không",
    "greater_than_equal": "phải từ {ge:g} trở lên",
    "greater_than": "phải lớn hơn {gt:g}",
    "less_than_equal": "phải từ {le:g} trở xuống",
    "less_than": "phải nhỏ hơn {lt:g}",
    "enum": "không hợp lệ; chọn một trong: {expected}",
    "literal_error": "không hợp lệ; chọn một trong: {expected}",
}
USAGE_REASON_OTHER = "không hợp lệ"
ABORTED = "Đã dừng."


# --- exchange: quiz export, quiz import, quiz progress export|merge (quiz/exchange/) -------------
ANSWER_LABEL = "Đáp án"
SOURCE_LABEL = "Nguồn"
UNIT_LABEL = "đơn vị"
ORDER_HINT = "Sắp xếp theo đúng thứ tự:"
MULTI_HINT = "Chọn tất cả các ý đúng:"
ANKI_MODEL_TYPEIN = "quiz · gõ đáp án"
ANKI_MODEL_CHOICE = "quiz · lựa chọn"
ANKI_MODEL_CLOZE = "quiz · điền chỗ trống"
ANKI_CARD = "Thẻ"
ANKI_CLOZE_CARD = "Điền chỗ trống"
CANNOT_WRITE = "{path}: không ghi được tệp ({error})."
ANKI_NOT_APKG = "{path}: không phải gói Anki (.apkg) đọc được ({error})."
ANKI_NOT_ZIP = "không phải tệp nén zip"
ANKI_NO_COLLECTION = "thiếu collection.anki2"
ANKI_BAD_COLLECTION = "bộ sưu tập bên trong bị hỏng hoặc không phải của Anki"
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
MERGE_LOCKED = "tệp đang bị một chương trình khác khoá"
MERGE_SQLITE = "SQLite báo lỗi khi ghi"
MERGE_FAILED = "{path}: không gộp được ({error}); tệp được giữ nguyên."
QUIZLET_BAD_ROW = (
    "dòng cần dạng «thuật ngữ<TAB>định nghĩa» (xuất từ Quizlet với dấu Tab giữa thuật ngữ và định nghĩa)"
)
IMPORT_EXISTS = "{path}: tệp đã có; hãy chọn tên khác cho -o, hoặc thêm --ghi-de để ghi đè."
ORDER_MATCH_HINT = "Ghép mỗi vị trí với mục đứng ở vị trí đó."
EXPORT_ORDER_POSITION = "Vị trí {n}"
AZOTA_PART = "Phần"
AZOTA_QUESTION = "Câu"
AZOTA_END = "HẾT"
AZOTA_KEY = "Bảng đáp án"
AZOTA_SOLUTIONS = "Lời giải"
EXPORT_ANKI_DONE = "✓ Đã ghi {path}: {questions} câu → {notes} ghi chú, {cards} thẻ Anki"
EXPORT_ANKI_REVIEWS = ", {reviews} lượt ôn (revlog)"
EXPORT_DONE = "✓ Đã ghi {path}: {questions} câu ({format})"
EXPORT_DONE_SPLIT = (
    "✓ Đã ghi {path}: {questions} câu → {items} câu {format} (câu điền nhiều chỗ trống: mỗi chỗ một câu)"
)
EXPORT_SKIPPED = "Bỏ qua {count} câu mà {format} không diễn đạt được: {kinds} (xem docs/exchange.md)."
EXPORT_NO_PROGRESS = "{path}: chưa có tệp tiến độ; xuất không kèm lịch sử ôn."
EXPORT_BAD_ORDER = "--order: `{value}` không hợp lệ; chọn ordering hoặc matching."
IMPORT_BAD_FORMAT = "--from: `{value}` không hợp lệ; chọn một trong: {formats}."
IMPORT_DONE = "✓ Đã ghi {path}: ngân hàng `{bank}`, {questions} câu nháp ({kinds}), mọi câu mang tag draft"
IMPORT_WITHOUT_QUOTE = (
    "{count} câu chưa có trích dẫn (tag chưa-trích-dẫn): hãy thêm `source` và `quote` nguyên văn từ bài báo,"
    " không tự đặt ra."
)
IMPORT_NEXT = "Tiếp theo: {command}"
PROGRESS_EXPORTED = "✓ Đã ghi {path}: {count} câu trả lời từ {store}"
PROGRESS_MERGE_SOURCE = "  {path}: {read} câu trả lời, {new} câu mới"
PROGRESS_MERGE_BACKUP = "Bản sao tệp tiến độ trước khi gộp: {path}"
PROGRESS_MERGED = (
    "✓ Đã ghi {path}: {before} → {after} câu trả lời ({added} mới); trạng thái thẻ của {questions} câu"
    " được tính lại theo thứ tự thời gian"
)

# Give every catalogue string its stable code (its name in lower case).
for _name, _value in list(globals().items()):
    if _name.isupper() and type(_value) is str:
        globals()[_name] = Text(_value, _name.lower())
    elif _name.isupper() and isinstance(_value, dict):
        globals()[_name] = {
            k: Text(v, f"{_name.lower()}.{k}") if type(v) is str else v for k, v in _value.items()
        }
del _name, _value


# --- Click/Typer's own words in `--help`, in ours (cli/common.py `vietnamese_help`) ---------------

HELP_WORDS: tuple[tuple[str, str], ...] = (
    (r"^Usage: ", "Cách dùng: "),
    (r"\[OPTIONS\]", "[TUỲ_CHỌN]"),
    (r"COMMAND \[ARGS\]\.\.\.", "LỆNH [ĐỐI_SỐ]..."),
    (r"^Options:$", "Tuỳ chọn:"),
    (r"^Commands:$", "Lệnh:"),
    (r"^Arguments:$", "Đối số:"),
    (r"Show this message and exit\.", "Hiện trợ giúp này rồi thoát."),
    (r"\[required\]", "[bắt buộc]"),
    (r"\[default: ", "[mặc định: "),
    (r"; default: ", "; mặc định: "),
    (r" <(?:list\[\w+\]|int range|float range|int|float|path|text|str)>", ""),  # Python types: say nothing
)
