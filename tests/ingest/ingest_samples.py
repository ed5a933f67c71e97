"""Sentences written for these tests (never taken from the shared articles)."""
from __future__ import annotations

# two short paragraphs of invented news, long enough for charset detection to be sure
ARABIC = ("قال رئيس البلدية في بيان صحفي اليوم إن أعمال الصيانة في الشوارع الرئيسية "
          "ستنتهي قبل نهاية الشهر، مؤكدا أن الفرق تعمل ليلا ونهارا.\n"
          "وأضاف أن المجلس البلدي خصص ميزانية إضافية لتجديد الإنارة في الأحياء القديمة.")
TITLE = "البلدية تعد بإنهاء أعمال الصيانة قبل نهاية الشهر"
ENGLISH = ("The mayor said in a statement on Monday that the repair work on the main "
           "streets would be finished before the end of the month, and that crews were "
           "working day and night.")

