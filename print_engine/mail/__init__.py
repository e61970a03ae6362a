"""Direct mail: the 住所表示番号 and the Japan Post customer barcode (``direct-mail.md``)."""
