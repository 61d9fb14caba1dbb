// How the developers page's modals cover the page: blurred, not darkened, so that the text behind keeps
// its colour contrast (axe-core measures what an overlay's opacity does to it).
import type { ModalProps } from "@mantine/core";

export const MODAL_OVERLAY: NonNullable<ModalProps["overlayProps"]> = { backgroundOpacity: 0, blur: 3 };
