//! `POST /api/votes`: a person in the room places one of their dots on a
//! contribution the room can see. Counts stay out of the answer (and out of
//! the state) until the facilitator reveals them; a phone learns only how
//! many of its own dots are left.

use super::body::Body;
use super::devices::Identity;
use super::error::ApiError;
use super::shared::Shared;
use super::{api, RoomNotice};
use crate::model::Id;
use crate::store::{Refused, StoreError};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// The contribution's id, as the state lists it.
    item: Id,
}

pub async fn vote(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Body(request): Body<VoteRequest>,
) -> Result<Response, ApiError> {
    let token = api::joined(&shared, &headers)?;
    let Some(Identity::Named(voter)) = shared.devices.identity(&token) else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "vote_needs_name",
            "dots are counted per person: choose your name to vote",
        ));
    };
    shared.check_write(&token)?;
    let session = shared.session;
    let item = request.item;
    let left = shared
        .with_store(move |store| {
            let state = super::public::public_state(store, session)?;
            if !state.items.iter().any(|i| i.id == item.to_string()) {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not_votable",
                    "this item is not shown to the room",
                ));
            }
            store
                .apply(|tx| {
                    tx.cast_votes(session, voter, &[item])?;
                    let voting = tx.voting(session)?;
                    Ok(voting
                        .dots_per_participant
                        .saturating_sub(voting.used(voter)))
                })
                .map_err(|e: StoreError| match e {
                    StoreError::Invalid(Refused::OverBudget { .. }) => ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "no_dots_left",
                        "you have placed all your dots",
                    ),
                    other => other.into(),
                })
        })
        .await?;
    shared.committed(RoomNotice::Voted);
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "dots_left": left })),
    )
        .into_response())
}
