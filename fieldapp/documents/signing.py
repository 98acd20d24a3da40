"""PAdES signing with pyHanko: embed the record data, sign the whole file with the device key."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from pyhanko.pdf_utils import embed
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from .keys import DeviceKeys

FIELD = "DeviceSignature"
OFFICE_FIELD = "OfficeSignature"  # the office's batches (services/office/printing)


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    mime: str = "application/json"
    description: str = ""


def sign(pdf: bytes, keys: DeviceKeys, reason: str, attachments: tuple[Attachment, ...] = (),
         field: str = FIELD) -> bytes:
    """``pdf`` with ``attachments`` embedded and one invisible PAdES B-B signature over it all.

    The signature field is invisible: the visible signatures and the "signed by" note are page
    content (QtPdf draws no signature widgets), and an appearance stream would cost a font parse
    per signature. Embedding happens in the revision the signature covers, so it is signed too.
    """
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    for item in attachments:
        data = embed.EmbeddedFileObject.from_file_data(writer, item.data, mime_type=item.mime)
        embed.embed_file(writer, embed.FileSpec(item.name, file_name=item.name, embedded_data=data,
                                                description=item.description or None))
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES, reason=reason,
                                        name=keys.signer_name())
    return signers.PdfSigner(meta, signer=keys.signer()).sign_pdf(writer).getvalue()
