"""Articles written for the dashboard's tests and screenshots (our own sentences, no outlet's
text): long labels, several currencies, periods, flows and documents with titles, addresses and dates."""

from __future__ import annotations

from extract import Document

DOCUMENTS = [
    Document("wire-1", "China's exports to Russia reached $110.97bn in 2023. "
             "In the last quarter of 2023, 70% of Russian imports of machine tools, which amounted to around "
             "900 million dollars (835 million euros), came from China.",
             date="2024-01-15", url="https://www.example.com/news/china-russia", title="China's trade with Russia"),
    Document("wire-2", "Japan's exports to the United States were ¥1.52 trillion in 2023, and US exports to Japan "
             "were $38.9 billion in 2022. Tariffs rose between 20% and 30% in 2024.",
             date="2024-03-02", url="https://news.example.org/a/2", title="Pacific trade"),
    Document("wire-3", "Turkish exports to Russia rose 12% in 2022 and Chinese brands held more than half of the "
             "market in 2023. Russian revenue of 1.2 trillion rubles was booked in 2023.", date="2024-02-01"),
]  # fmt: skip
