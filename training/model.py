"""The NER head in PyTorch: what it reads, its layers, and a CRF that learns from partial labels.

Inputs per character (all optional, set by :class:`HeadConfig`):

- LAC's top hidden layer (256 numbers), projected to ``proj`` dimensions (ReLU);
- an embedding of the character (LAC's token id, remapped to the training vocabulary);
- an embedding of the character bigram (this character and the next), hashed;
- an embedding of LAC's decoded tag (word boundary and POS; needs a second call);

then an optional context layer (a BiLSTM, or width-3 convolutions) and a linear
layer to emissions over BIOES tags. Beside it, *lexical emission features*: for
each character, hashed n-grams of the characters around it (the templates of
:data:`LEX_TEMPLATES`) each look up one score per tag in a shared table, and
their sum is added to the emissions, as a feature-based CRF does. They cost a
lookup, not a matrix product.

A linear-chain CRF with a transition matrix only (no start or end scores: the
run-time Viterbi is :func:`kg.ner.charner.viterbi`).

Partial labels: each character carries the set of tags it may take. A fully
labelled sentence has one tag per character; in CLUENER, where places are not
labelled, a character outside a person or organization may be O or any LOC tag.
The loss is ``log Z - log Z(allowed)``: the CRF's forward algorithm over all paths
minus over the paths the labels allow (the marginal likelihood of the labels).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn

TYPES = ("PER", "LOC", "ORG")
TAGS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in "BIES")
TAG_ID = {t: i for i, t in enumerate(TAGS)}
N_TAGS = len(TAGS)
#: LAC's vocabulary size: ids at or past the end of a text are this (padding), before its start this + 1.
LAC_VOCAB = 58224
PAD_ID, START_ID = LAC_VOCAB, LAC_VOCAB + 1
HASH_PRIME = 1000003
#: Character offsets of each lexical template (unigrams, bigrams, a skip-bigram, a trigram).
LEX_TEMPLATES = ((-2,), (-1,), (0,), (1,), (2,), (-1, 0), (0, 1), (-2, -1), (1, 2), (-1, 1), (-1, 0, 1))
REACH = 2  # the farthest offset


@dataclass
class HeadConfig:
    proj: int = 128            # LAC hidden -> proj (0: LAC's hidden layer not read)
    char_dim: int = 0          # character embedding (0: none)
    bigram_dim: int = 0        # hashed bigram embedding (0: none)
    bigram_buckets: int = 1 << 16
    lactag_dim: int = 0        # LAC's decoded tag embedding (0: none)
    lstm: int = 0              # BiLSTM hidden size per direction (0: none)
    conv: int = 0              # channels of width-3 convolutions (0: none)
    conv_layers: int = 1
    lex_buckets: int = 0       # rows of the lexical emission table (0: no lexical features)
    dropout: float = 0.2
    chars: int = 2             # size of the character vocabulary (set from the data)

    def to_dict(self) -> dict:
        return asdict(self)


def padded_ids(ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """(B, L) LAC ids -> (B, L + 2 * REACH): START_ID before, PAD_ID at and after each row's end."""
    B, L = ids.shape
    out = np.full((B, L + 2 * REACH), PAD_ID, dtype=np.int64)
    out[:, :REACH] = START_ID
    valid = np.arange(L)[None, :] < lengths[:, None]
    out[:, REACH:REACH + L] = np.where(valid, ids, PAD_ID)
    return out


def lex_index(padded: np.ndarray, buckets: int) -> np.ndarray:
    """(B, L + 2 * REACH) padded ids -> (B, L, len(LEX_TEMPLATES)) rows of the lexical table."""
    L = padded.shape[1] - 2 * REACH
    out = np.empty(padded.shape[:1] + (L, len(LEX_TEMPLATES)), dtype=np.int64)
    for t, offsets in enumerate(LEX_TEMPLATES):
        h = np.full(padded.shape[:1] + (L,), t + 1, dtype=np.int64)
        for o in offsets:
            h = (h * HASH_PRIME + padded[:, REACH + o:REACH + o + L]) % buckets
        out[:, :, t] = h
    return out


def bigram_index(padded: np.ndarray, buckets: int) -> np.ndarray:
    L = padded.shape[1] - 2 * REACH
    return (padded[:, REACH:REACH + L] * HASH_PRIME + padded[:, REACH + 1:REACH + 1 + L]) % buckets


class Head(nn.Module):
    def __init__(self, cfg: HeadConfig, lac_hidden: int = 256, lac_tags: int = 59):
        super().__init__()
        self.cfg = cfg
        width = 0
        if cfg.proj:
            self.proj = nn.Linear(lac_hidden, cfg.proj)
            width += cfg.proj
        if cfg.char_dim:
            self.char = nn.Embedding(cfg.chars, cfg.char_dim, padding_idx=0)
            width += cfg.char_dim
        if cfg.bigram_dim:
            self.bigram = nn.Embedding(cfg.bigram_buckets, cfg.bigram_dim)
            width += cfg.bigram_dim
        if cfg.lactag_dim:
            self.lactag = nn.Embedding(lac_tags, cfg.lactag_dim)
            width += cfg.lactag_dim
        self.drop = nn.Dropout(cfg.dropout)
        if cfg.conv:
            self.convs = nn.ModuleList()
            for _ in range(cfg.conv_layers):
                self.convs.append(nn.Conv1d(width, cfg.conv, 3, padding=1))
                width = cfg.conv
        if cfg.lstm:
            self.lstm = nn.LSTM(width, cfg.lstm, batch_first=True, bidirectional=True)
            width = 2 * cfg.lstm
        self.out = nn.Linear(width, N_TAGS) if width else None
        if cfg.lex_buckets:
            self.lex = nn.Embedding(cfg.lex_buckets, N_TAGS)
            nn.init.zeros_(self.lex.weight)
        self.transitions = nn.Parameter(torch.zeros(N_TAGS, N_TAGS))

    def forward(self, hidden, chars, bigrams, lactags, lengths, lex=None):
        """(B, L, ...) inputs -> (B, L, N_TAGS) emissions."""
        parts = []
        if self.cfg.proj:
            parts.append(torch.relu(self.proj(self.drop(hidden))))
        if self.cfg.char_dim:
            parts.append(self.char(chars))
        if self.cfg.bigram_dim:
            parts.append(self.bigram(bigrams))
        if self.cfg.lactag_dim:
            parts.append(self.lactag(lactags))
        emissions = 0
        if parts:
            x = self.drop(torch.cat(parts, dim=-1))
            if self.cfg.conv:
                mask = (torch.arange(x.shape[1])[None, :] < lengths[:, None]).unsqueeze(2)
                for conv in self.convs:
                    x = x.masked_fill(~mask, 0.0)  # what lies past a row's end reads as zeros, as at run time
                    x = torch.relu(conv(x.transpose(1, 2))).transpose(1, 2)
                x = self.drop(x)
            if self.cfg.lstm:
                packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True,
                                                           enforce_sorted=False)
                y, _ = self.lstm(packed)
                x, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])
                x = self.drop(x)
            emissions = self.out(x)
        if self.cfg.lex_buckets:
            emissions = emissions + self.lex(lex).sum(dim=2)
        return emissions

    def loss(self, emissions, allowed, mask, aux: float = 0.0):
        """Negative log marginal likelihood of the allowed tags, summed over the batch.

        ``aux``: weight of a per-character loss on the emissions alone (the log of the
        softmax mass on the allowed tags), which makes emissions decisive by themselves,
        so that the run-time Viterbi has few positions left in doubt.
        """
        log_z = forward_algorithm(emissions, self.transitions, mask)
        constrained = emissions.masked_fill(~allowed, -1e4)
        log_z_allowed = forward_algorithm(constrained, self.transitions, mask)
        total = (log_z - log_z_allowed).sum()
        if aux:
            per_char = torch.logsumexp(emissions, dim=2) - torch.logsumexp(constrained, dim=2)
            total = total + aux * per_char.masked_fill(~mask, 0.0).sum()
        return total


def forward_algorithm(emissions, transitions, mask):
    """log-sum-exp over all tag paths of each row: (B, L, T), (T, T), (B, L) -> (B,)."""
    alpha = emissions[:, 0]
    for t in range(1, emissions.shape[1]):
        step = torch.logsumexp(alpha.unsqueeze(2) + transitions.unsqueeze(0), dim=1) + emissions[:, t]
        alpha = torch.where(mask[:, t:t + 1], step, alpha)
    return torch.logsumexp(alpha, dim=1)
