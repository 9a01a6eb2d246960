"""quiz: học và nhớ lâu kiến thức đối ngoại Đảng bằng ôn tập ngắt quãng trong terminal."""

__version__ = "0.1.0"
